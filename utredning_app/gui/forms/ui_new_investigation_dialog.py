# generated — do not edit: regenerate with `python -m utredning_app.gui.forms.build`
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'new_investigation_dialog.ui'
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
    QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_NewInvestigationDialog(object):
    def setupUi(self, NewInvestigationDialog):
        if not NewInvestigationDialog.objectName():
            NewInvestigationDialog.setObjectName(u"NewInvestigationDialog")
        NewInvestigationDialog.resize(520, 260)
        self.verticalLayout = QVBoxLayout(NewInvestigationDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.titleLabel = QLabel(NewInvestigationDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(NewInvestigationDialog)
        self.titleEdit.setObjectName(u"titleEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.titleError = QLabel(NewInvestigationDialog)
        self.titleError.setObjectName(u"titleError")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.titleError)

        self.dnrLabel = QLabel(NewInvestigationDialog)
        self.dnrLabel.setObjectName(u"dnrLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.dnrLabel)

        self.dnrEdit = QLineEdit(NewInvestigationDialog)
        self.dnrEdit.setObjectName(u"dnrEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.dnrEdit)

        self.fileLabel = QLabel(NewInvestigationDialog)
        self.fileLabel.setObjectName(u"fileLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.fileLabel)

        self.fileLayout = QHBoxLayout()
        self.fileLayout.setObjectName(u"fileLayout")
        self.fileEdit = QLineEdit(NewInvestigationDialog)
        self.fileEdit.setObjectName(u"fileEdit")

        self.fileLayout.addWidget(self.fileEdit)

        self.browseButton = QPushButton(NewInvestigationDialog)
        self.browseButton.setObjectName(u"browseButton")

        self.fileLayout.addWidget(self.browseButton)


        self.formLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.fileLayout)

        self.fileError = QLabel(NewInvestigationDialog)
        self.fileError.setObjectName(u"fileError")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.fileError)


        self.verticalLayout.addLayout(self.formLayout)

        self.verticalSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.verticalLayout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(NewInvestigationDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.verticalLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.titleEdit)
        self.dnrLabel.setBuddy(self.dnrEdit)
        self.fileLabel.setBuddy(self.fileEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(NewInvestigationDialog)
    # setupUi

    def retranslateUi(self, NewInvestigationDialog):
        NewInvestigationDialog.setWindowTitle(QCoreApplication.translate("NewInvestigationDialog", u"Ny utredning", None))
        self.titleLabel.setText(QCoreApplication.translate("NewInvestigationDialog", u"&Titel *", None))
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleName(QCoreApplication.translate("NewInvestigationDialog", u"Titel", None))
#endif // QT_CONFIG(accessibility)
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("NewInvestigationDialog", u"t.ex. Styrningen av den egen\u00e4gda v\u00e5rden", None))
        self.titleError.setText("")
        self.dnrLabel.setText(QCoreApplication.translate("NewInvestigationDialog", u"&Diarienummer", None))
#if QT_CONFIG(accessibility)
        self.dnrEdit.setAccessibleName(QCoreApplication.translate("NewInvestigationDialog", u"Diarienummer", None))
#endif // QT_CONFIG(accessibility)
        self.dnrEdit.setPlaceholderText(QCoreApplication.translate("NewInvestigationDialog", u"t.ex. RS 2022-0845", None))
        self.fileLabel.setText(QCoreApplication.translate("NewInvestigationDialog", u"&Fil *", None))
#if QT_CONFIG(accessibility)
        self.fileEdit.setAccessibleName(QCoreApplication.translate("NewInvestigationDialog", u"Fil", None))
#endif // QT_CONFIG(accessibility)
        self.browseButton.setText(QCoreApplication.translate("NewInvestigationDialog", u"&Bl\u00e4ddra\u2026", None))
        self.fileError.setText("")
    # retranslateUi
