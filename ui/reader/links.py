"""Links in chapter text open only where the reader has seen they go.

A package is a stranger's document, so a link is a stranger's suggestion.
Only ``http``, ``https`` and ``mailto`` open (``story.text_refs.link_allowed``,
the same rule ``validate`` reports); everything else (``file:``,
``javascript:``, ``ftp:``, relative paths, ``media:``) is inert. Hovering a
link shows its host; the first link to a host in a session asks first, with
the full address, and only then goes to the desktop
(``QDesktopServices.openUrl``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from story.text_refs import link_allowed

#: ask(parent, url, where) -> whether the person wants to go there
Confirm = Callable[[QWidget | None, QUrl, str], bool]


@dataclass(frozen=True)
class LinkDecision:
    allowed: bool
    where: str  # what the person is shown: the host (ASCII form), the address, or why not
    key: str  # what "seen before" is remembered by: the host, or the mail address


def decide(url: QUrl) -> LinkDecision:
    """Whether ``url`` may open, and what to show about it (no Qt widgets, no side effects)."""
    text = url.toString(QUrl.ComponentFormattingOption.FullyEncoded)
    if not url.isValid() or not link_allowed(text):
        translate = QCoreApplication.translate
        scheme = url.scheme().lower() or translate("LinkOpener", "a relative address")
        shown = translate("LinkOpener", "not opened (%1 links do not open)").replace("%1", scheme)
        return LinkDecision(False, shown, "")
    if url.scheme().lower() == "mailto":
        address = url.path(QUrl.ComponentFormattingOption.FullyDecoded)
        shown = QCoreApplication.translate("LinkOpener", "mail to %1").replace("%1", address)
        return LinkDecision(True, shown, "mailto:" + address.lower())
    # The ASCII (punycode) form, so a look-alike host cannot pass for another.
    host = bytes(QUrl.toAce(url.host()).data()).decode("ascii", "replace") or url.host()
    return LinkDecision(True, host.lower(), host.lower())


def ask_first(parent: QWidget | None, url: QUrl, where: str) -> bool:
    """The question asked the first time a host is visited: the full address, Open or Cancel."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("LinkOpener", "Open a link"))
    box.setText(
        QCoreApplication.translate("LinkOpener", "This link goes to %1.").replace("%1", where)
    )
    box.setInformativeText(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))
    box.setStandardButtons(QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Open


class LinkOpener:
    """Opens allowed links after the person has seen where they go; remembers hosts agreed to."""

    def __init__(self, confirm: Confirm = ask_first) -> None:
        self.confirm = confirm
        self.agreed: set[str] = set()
        self.closed = False  # exhibition mode (ui.reader.kiosk): no link leaves the app

    def open(self, url: QUrl, parent: QWidget | None = None) -> bool:
        """Open ``url`` if allowed and agreed to; True when it was handed to the desktop."""
        decision = decide(url)
        if not decision.allowed or self.closed:
            return False
        if decision.key not in self.agreed:
            if not self.confirm(parent, url, decision.where):
                return False
            self.agreed.add(decision.key)
        return bool(QDesktopServices.openUrl(url))


#: One per session: a host agreed to once is not asked about again until the app quits.
SESSION = LinkOpener()
