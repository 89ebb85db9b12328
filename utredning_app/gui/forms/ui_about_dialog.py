# generated — do not edit: regenerate with `python -m utredning_app.gui.forms.build`
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'about_dialog.ui'
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
    QLabel, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_AboutDialog(object):
    def setupUi(self, AboutDialog):
        if not AboutDialog.objectName():
            AboutDialog.setObjectName(u"AboutDialog")
        AboutDialog.resize(480, 300)
        self.verticalLayout = QVBoxLayout(AboutDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.titleLabel = QLabel(AboutDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.verticalLayout.addWidget(self.titleLabel)

        self.versionLabel = QLabel(AboutDialog)
        self.versionLabel.setObjectName(u"versionLabel")

        self.verticalLayout.addWidget(self.versionLabel)

        self.textLabel = QLabel(AboutDialog)
        self.textLabel.setObjectName(u"textLabel")
        self.textLabel.setWordWrap(True)

        self.verticalLayout.addWidget(self.textLabel)

        self.detailsLabel = QLabel(AboutDialog)
        self.detailsLabel.setObjectName(u"detailsLabel")
        self.detailsLabel.setWordWrap(True)
        self.detailsLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.verticalLayout.addWidget(self.detailsLabel)

        self.verticalSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.verticalLayout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(AboutDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.verticalLayout.addWidget(self.buttonBox)


        self.retranslateUi(AboutDialog)
    # setupUi

    def retranslateUi(self, AboutDialog):
        AboutDialog.setWindowTitle(QCoreApplication.translate("AboutDialog", u"Om Utredningsst\u00f6d", None))
        self.titleLabel.setText(QCoreApplication.translate("AboutDialog", u"Utredningsst\u00f6d", None))
        self.versionLabel.setText(QCoreApplication.translate("AboutDialog", u"Version", None))
        self.textLabel.setText(QCoreApplication.translate("AboutDialog", u"Ett skrivbordsverktyg f\u00f6r parlamentariska utredningar i en region: ledam\u00f6ter, styrmodeller, bed\u00f6mningar, skattningar, f\u00f6rslag, rapporttext, remiss och reservationer i en enda fil som fungerar utan n\u00e4tverk.", None))
        self.detailsLabel.setText("")
    # retranslateUi
