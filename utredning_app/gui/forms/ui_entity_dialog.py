# generated — do not edit: regenerate with `python -m utredning_app.gui.forms.build`
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'entity_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QFrame, QLabel, QScrollArea,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_EntityDialog(object):
    def setupUi(self, EntityDialog):
        if not EntityDialog.objectName():
            EntityDialog.setObjectName(u"EntityDialog")
        EntityDialog.resize(560, 520)
        self.verticalLayout = QVBoxLayout(EntityDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.headingLabel = QLabel(EntityDialog)
        self.headingLabel.setObjectName(u"headingLabel")

        self.verticalLayout.addWidget(self.headingLabel)

        self.hintLabel = QLabel(EntityDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.verticalLayout.addWidget(self.hintLabel)

        self.scrollArea = QScrollArea(EntityDialog)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setWidgetResizable(True)
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.fieldsWidget = QWidget()
        self.fieldsWidget.setObjectName(u"fieldsWidget")
        self.formLayout = QFormLayout(self.fieldsWidget)
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.scrollArea.setWidget(self.fieldsWidget)

        self.verticalLayout.addWidget(self.scrollArea)

        self.summaryLabel = QLabel(EntityDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.verticalLayout.addWidget(self.summaryLabel)

        self.buttonBox = QDialogButtonBox(EntityDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.verticalLayout.addWidget(self.buttonBox)


        self.retranslateUi(EntityDialog)
    # setupUi

    def retranslateUi(self, EntityDialog):
        EntityDialog.setWindowTitle(QCoreApplication.translate("EntityDialog", u"Redigera", None))
        self.headingLabel.setText(QCoreApplication.translate("EntityDialog", u"Rubrik", None))
        self.hintLabel.setText(QCoreApplication.translate("EntityDialog", u"F\u00e4lt markerade med * m\u00e5ste fyllas i. \u00c4ndringen sparas direkt i filen och kan \u00e5ngras.", None))
#if QT_CONFIG(accessibility)
        self.summaryLabel.setAccessibleName(QCoreApplication.translate("EntityDialog", u"Fel i formul\u00e4ret", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi
