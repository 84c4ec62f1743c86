"""The Ward menu's handlers: accounts, ward settings and the regimen library, each in a
dialog for ward administrators (docs/accounts.md). The menu entries are disabled for
everyone else (``WindowActions.for_role``); these handlers check again, and the session
refuses any change the person charting may not make, whichever way it comes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QMainWindow

from wardchart.i18n import shown
from wardchart.ui.actions import FOR_ADMINISTRATORS
from wardchart.ui.dialogs.opening import open_until_done

if TYPE_CHECKING:
    from wardchart.ui.session import ChartSession

    _Window = QMainWindow
else:
    _Window = object


class WardMenu(_Window):
    """The main window's handlers for the Ward menu."""

    session: ChartSession | None

    def _for_administrators(self, make: Callable[[ChartSession], QDialog]) -> QDialog | None:
        if self.session is None:
            return None
        if not self.session.may_administer():
            self.statusBar().showMessage(shown(FOR_ADMINISTRATORS), 15_000)
            return None
        dialog = make(self.session)
        open_until_done(dialog)
        return dialog

    def open_accounts(self) -> QDialog | None:
        """Ward → Accounts…"""
        from wardchart.ui.dialogs.accounts import AccountsDialog

        return self._for_administrators(lambda s: AccountsDialog(s, self))

    def open_ward_settings(self) -> QDialog | None:
        """Ward → Ward settings…"""
        from wardchart.ui.dialogs.ward_settings import WardSettingsDialog

        return self._for_administrators(lambda s: WardSettingsDialog(s, self))

    def open_regimens(self) -> QDialog | None:
        """Ward → Regimen library…"""
        from wardchart.ui.dialogs.regimens import RegimensDialog

        return self._for_administrators(lambda s: RegimensDialog(s, self))
