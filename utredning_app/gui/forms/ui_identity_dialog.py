# generated — do not edit: regenerate with `python -m utredning_app.gui.forms.build`
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'identity_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_IdentityDialog(object):
    def setupUi(self, IdentityDialog):
        if not IdentityDialog.objectName():
            IdentityDialog.setObjectName(u"IdentityDialog")
        IdentityDialog.resize(460, 280)
        self.verticalLayout = QVBoxLayout(IdentityDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.introLabel = QLabel(IdentityDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.verticalLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.nameLabel = QLabel(IdentityDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(IdentityDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.nameError = QLabel(IdentityDialog)
        self.nameError.setObjectName(u"nameError")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameError)

        self.partyLabel = QLabel(IdentityDialog)
        self.partyLabel.setObjectName(u"partyLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.partyLabel)

        self.partyEdit = QComboBox(IdentityDialog)
        self.partyEdit.setObjectName(u"partyEdit")
        self.partyEdit.setEditable(True)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.partyEdit)

        self.roleLabel = QLabel(IdentityDialog)
        self.roleLabel.setObjectName(u"roleLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.roleEdit = QComboBox(IdentityDialog)
        self.roleEdit.setObjectName(u"roleEdit")
        self.roleEdit.setEditable(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.roleEdit)

        self.languageLabel = QLabel(IdentityDialog)
        self.languageLabel.setObjectName(u"languageLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.languageLabel)

        self.languageCombo = QComboBox(IdentityDialog)
        self.languageCombo.setObjectName(u"languageCombo")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.languageCombo)

        self.languageHint = QLabel(IdentityDialog)
        self.languageHint.setObjectName(u"languageHint")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.languageHint)


        self.verticalLayout.addLayout(self.formLayout)

        self.verticalSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.verticalLayout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(IdentityDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.verticalLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.partyLabel.setBuddy(self.partyEdit)
        self.roleLabel.setBuddy(self.roleEdit)
        self.languageLabel.setBuddy(self.languageCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.partyEdit)
        QWidget.setTabOrder(self.partyEdit, self.roleEdit)
        QWidget.setTabOrder(self.roleEdit, self.languageCombo)

        self.retranslateUi(IdentityDialog)
    # setupUi

    def retranslateUi(self, IdentityDialog):
        IdentityDialog.setWindowTitle(QCoreApplication.translate("IdentityDialog", u"Vem \u00e4r du?", None))
        self.introLabel.setText(QCoreApplication.translate("IdentityDialog", u"Ditt namn och parti eller roll st\u00e5r i \u00e4ndringsloggen vid varje \u00e4ndring du g\u00f6r, s\u00e5 att gruppen ser vem som \u00e4ndrat vad. Uppgifterna sparas bara p\u00e5 den h\u00e4r datorn.", None))
        self.nameLabel.setText(QCoreApplication.translate("IdentityDialog", u"&Namn *", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("IdentityDialog", u"Namn", None))
#endif // QT_CONFIG(accessibility)
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("IdentityDialog", u"t.ex. Anna Andersson", None))
        self.nameError.setText("")
        self.partyLabel.setText(QCoreApplication.translate("IdentityDialog", u"&Parti", None))
#if QT_CONFIG(accessibility)
        self.partyEdit.setAccessibleName(QCoreApplication.translate("IdentityDialog", u"Parti", None))
#endif // QT_CONFIG(accessibility)
        self.roleLabel.setText(QCoreApplication.translate("IdentityDialog", u"&Roll", None))
#if QT_CONFIG(accessibility)
        self.roleEdit.setAccessibleName(QCoreApplication.translate("IdentityDialog", u"Roll", None))
#endif // QT_CONFIG(accessibility)
        self.languageLabel.setText(QCoreApplication.translate("IdentityDialog", u"&Spr\u00e5k", None))
#if QT_CONFIG(accessibility)
        self.languageCombo.setAccessibleName(QCoreApplication.translate("IdentityDialog", u"Spr\u00e5k i programmet", None))
#endif // QT_CONFIG(accessibility)
        self.languageHint.setText(QCoreApplication.translate("IdentityDialog", u"Byte av spr\u00e5k g\u00e4ller fr\u00e5n n\u00e4sta start.", None))
    # retranslateUi
