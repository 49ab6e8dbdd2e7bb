"""Exhibition mode (``read --kiosk``): the reader alone on a screen in a museum.

What a visitor must not be able to do, and what staff must:

- The window is full screen and frameless; a close request, a state change
  away from full screen, Ctrl / Alt / Meta shortcuts, function keys, context
  menus and tooltips are refused. Links do not open (``links.SESSION.closed``)
  and the text cannot be selected; the reader has no menus or file dialogs.
- Staff leave with the key chord from the settings file
  (``ui.reader.kiosk_settings``, default Ctrl+Alt+Shift+Q).
- After the idle time (default 3 minutes; not while a sound plays) the
  reader forgets the visitor (place, visited chapters, text size), returns
  to the cover and plays the attract loop (``ui.reader.attract``), silent.
  The first touch, click or key stops it and starts chapter 1; that input
  does nothing else (its release is swallowed too, so it cannot also click
  what lies under the finger).
- Controls are finger-sized, a swipe turns the chapter (``ui.reader.touch``).

One application-wide event filter does all of it, so input reaches no widget
before the kiosk has seen it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from ui.reader import links
from ui.reader.attract import AttractLoop, Slide
from ui.reader.kiosk_settings import KioskSettings, load
from ui.reader.memory import ReaderMemory, settings
from ui.reader.touch import TouchFilter, adapt_map, make_touch_friendly
from ui.schemes import watcher

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

    from ui.reader.view import ReaderView
    from ui.reader.window import ReaderWindow

_SYSTEM_MODS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)
_MODIFIER_KEYS = {
    Qt.Key.Key_Shift,
    Qt.Key.Key_Control,
    Qt.Key.Key_Alt,
    Qt.Key.Key_AltGr,
    Qt.Key.Key_Meta,
    Qt.Key.Key_Super_L,
    Qt.Key.Key_Super_R,
}
_INPUT = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.TouchBegin,
    QEvent.Type.Wheel,
    QEvent.Type.TabletPress,
}
_MOVES = {QEvent.Type.MouseMove, QEvent.Type.TouchUpdate, QEvent.Type.TabletMove}
#: What is left of a touch or a click that stopped the attract loop, swallowed until it ends.
_WAKING = {
    "touch": {QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd},
    "mouse": {QEvent.Type.MouseMove, QEvent.Type.MouseButtonRelease},
}
_REFUSED = {QEvent.Type.ContextMenu, QEvent.Type.ToolTip, QEvent.Type.WhatsThis}
_MOUSE = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove,
    QEvent.Type.MouseButtonRelease,
}


class _Forgetful(ReaderMemory):
    """A visitor's place, visited chapters and text size, kept only until the next one."""

    def __init__(self) -> None:
        super().__init__("kiosk", remember=False)

    def _get(self, key: str, default: object) -> object:
        return self._local.get(key, default)

    def sync(self) -> None:
        pass


def slides(view: ReaderView) -> list[Slide]:
    """The cover, then every chapter with a photo: its first photo under its title.

    The kickers are the cover's and the chapter pages' own words, in the story's language.
    """
    out: list[Slide] = []
    total = len(view.chapters)
    if view.info.cover_media_id:
        out.append(Slide(view.words.kicker(total), view.info.title, view.info.cover_media_id))
    for summary in view.chapters:
        images = view.chapter(summary.index).images
        if not images:
            continue
        kicker = view.words.chapter_of(summary.index, total)
        if summary.place is not None:
            kicker += f"  ·  {summary.place.name}"
        out.append(Slide(kicker.upper(), summary.title, images[0].id))
    return out


class Kiosk(QObject):
    """Exhibition mode on one reader window; ``leave()`` (or the chord) ends it."""

    def __init__(
        self, window: ReaderWindow, config: KioskSettings, *, windowed: bool = False
    ) -> None:
        super().__init__(window)
        view = window.view
        assert view is not None
        self.window, self.view, self.config = window, view, config
        self.windowed = windowed  # screenshots and tests: the given size, not the screen's
        self.closable = False  # a screenshot's window closes when it is taken
        self.active = False
        self._chord = config.chord_steps()
        self._chord_at = 0  # how many steps of the chord have been pressed
        self._waking = ""  # "touch" or "mouse": the rest of the input that woke the reader
        self._language: str | None = None
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(max(50, round(config.idle_seconds * 1000)))
        self.idle.timeout.connect(self.idle_reached)
        self.attract = AttractLoop(view.palette_, view.info.title, window)
        # the desktop turned dark while the exhibit runs: the loop's colours follow the view's
        watcher().scheme_changed.connect(
            lambda _s: setattr(self.attract, "palette_", view.palette_)
        )
        self.attract.photo_seconds = config.photo_seconds
        self.touch = TouchFilter(view)

    def _follow_scheme(self, _scheme: str) -> None:
        self.attract.palette_ = self.view.palette_  # the view has its new colours by now

    # -- start and leave --------------------------------------------------------------
    def start(self, *, attract: bool, at: float | None = None) -> None:
        """Take over the window; ``attract``: begin with the attract loop (held at ``at``)."""
        app = QApplication.instance()
        assert app is not None
        self.active = True
        links.SESSION.closed = True
        self._forget()
        # The story's language switch (when the story has translations) stays: it is
        # for visitors. Each visitor starts in the language the exhibit started in.
        self._language = self.view.language.language
        make_touch_friendly(self.view)
        if self.view.map_page is not None:
            adapt_map(self.view.map_page)
        self.window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.window.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        if self.config.hide_cursor:
            QApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)
        app.installEventFilter(self)
        if self.windowed:
            self.window.show()  # a change of window flags hides the window
        else:
            self.window.showFullScreen()
        if attract:
            self.show_attract(at=at)
        else:
            self.idle.start()

    def leave(self) -> None:
        """End exhibition mode and close the window (the chord does this)."""
        if not self.active:
            return
        self._stop()
        self.window.close()

    def _stop(self) -> None:
        self.active = False
        self.idle.stop()
        self.attract.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        if self.config.hide_cursor:
            QApplication.restoreOverrideCursor()
        links.SESSION.closed = False

    # -- idle and the attract loop -------------------------------------------------------
    def idle_reached(self) -> None:
        """Nobody has touched the screen for the idle time: back to the cover, attract."""
        if not self.active:
            return
        if self.view.audio.is_playing():
            self.idle.start()  # someone may be listening; the sound stops at its end
            return
        self.show_attract()

    def show_attract(self, at: float | None = None) -> None:
        self.reset()
        store = self.view.images
        shown = slides(self.view)
        if shown and shown[0].media_id is not None:
            store.load_now(shown[0].media_id)  # the first frame is a photo, not a blank
        self.attract.set_slides(
            shown,
            loader=lambda media_id: _image(store, media_id, sync=at is not None),
            prefetch=lambda media_id: store.request(media_id),
        )
        self.attract.setLayoutDirection(self.view.layoutDirection())  # right to left: mirrored
        self.attract.start(at=at)
        self.idle.stop()

    def reset(self) -> None:
        """Forget the visitor: the cover, no sound, nothing open, the story unread."""
        view = self.view
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.close()
        if view.viewer.isVisible():
            view.viewer.close()
        view.topbar.contents.setChecked(False)
        view.audio.stop()
        self._forget()
        view.show_cover()
        fit = getattr(view.map_page, "fit_all", None)
        if fit is not None:
            fit(animate=False)
        view.setFocus()

    def _forget(self) -> None:
        view = self.view
        view.memory = _Forgetful()
        view.language.memory = view.memory  # a visitor's choice is not remembered either
        if self._language and view.language.language != self._language:
            view.language.set_language(self._language)
        view.current = None
        view.visited = set()
        view.set_text_scale(1.0)

    def wake(self) -> None:
        """A visitor touched the screen during the attract loop: start reading."""
        self.attract.stop()
        self.view.start_reading()
        self.view.setFocus()
        self.idle.start()

    # -- the filter ----------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _REFUSED:
            return True
        if kind == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._key(event)
        if kind == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            if self._blocked(event) or self.attract.isVisible():
                event.accept()  # taken from the shortcut map: the key press comes to _key
                return True
            return False
        if self._waking and kind in _WAKING[self._waking]:
            if kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd):
                self._waking = ""  # the finger or button that woke the reader is up
            return True
        if kind in _INPUT:
            self.idle.start()
            self._waking = ""
            if self.attract.isVisible():
                # The rest of this touch or click is the attract loop's too: it must not
                # press what lies under the finger once the loop is gone.
                touch = kind == QEvent.Type.TouchBegin
                self._waking = "touch" if touch else "" if kind == QEvent.Type.Wheel else "mouse"
                self.wake()
                return True
        elif kind in _MOVES and not self.attract.isVisible():
            self.idle.start()
        if watched is self.window:
            return self._window_event(event)
        if kind == QEvent.Type.ChildAdded and watched is self.view.stack:
            QTimer.singleShot(0, self._adapt_map)
        if kind in _MOUSE:
            return self.touch.eventFilter(watched, event)
        return False

    def _key(self, event: QKeyEvent) -> bool:
        if self._chord_step(event):
            return True
        if Qt.Key(event.key()) in _MODIFIER_KEYS:
            return True  # the first keys of the chord: neither input nor a shortcut
        self.idle.start()
        if self.attract.isVisible():
            self.wake()
            return True
        return self._blocked(event)

    def _chord_step(self, event: QKeyEvent) -> bool:
        """True when ``event`` is the next step of the exit chord (the last one leaves)."""
        if not self._chord or Qt.Key(event.key()) in _MODIFIER_KEYS:
            return False
        pressed = QKeyCombination(
            event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier, Qt.Key(event.key())
        )
        if pressed == self._chord[self._chord_at]:
            self._chord_at += 1
            if self._chord_at == len(self._chord):
                self._chord_at = 0
                QTimer.singleShot(0, self.leave)
            return True
        self._chord_at = 1 if pressed == self._chord[0] else 0
        return self._chord_at == 1

    @staticmethod
    def _blocked(event: QKeyEvent) -> bool:
        """Shortcuts a visitor may not use: any with Ctrl, Alt or Meta, and function keys."""
        if event.modifiers() & _SYSTEM_MODS:
            return True
        return Qt.Key.Key_F1 <= event.key() <= Qt.Key.Key_F35

    def _window_event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Close:
            if self.closable:
                self._stop()  # a screenshot is taken: the window closes, the app goes on
                return False
            event.ignore()  # only the chord closes the exhibit
            return True
        if kind == QEvent.Type.Resize:
            self.attract.setGeometry(self.window.rect())
        if kind == QEvent.Type.WindowStateChange and not self.windowed:
            if not self.window.isFullScreen():
                QTimer.singleShot(0, self.window.showFullScreen)
        return False

    def _adapt_map(self) -> None:
        if self.view.map_page is not None:
            adapt_map(self.view.map_page)


def _image(store: object, media_id: str, *, sync: bool) -> QImage | None:
    """The photo if decoded already (or ``sync``: decoded now); else asked for, and None."""
    from ui.reader.images import ImageStore

    assert isinstance(store, ImageStore)
    found = store.cached(media_id)
    if found is None and sync:
        return store.load_now(media_id)
    if found is None:
        store.request(media_id)
    return found


def start_kiosk(
    window: ReaderWindow, *, screenshot: bool = False, at_chapter: bool = False
) -> Kiosk:
    """Exhibition mode from the command line (``read --kiosk``), with the settings file's values.

    A screenshot is taken at the requested size with the attract loop held 2 s in
    (or at the chapter or map asked for with ``--chapter`` / ``--map``).
    """
    config = load(settings(), write_defaults=not screenshot)
    kiosk = Kiosk(window, config, windowed=screenshot)
    kiosk.closable = screenshot
    attract = config.attract_at_start and not at_chapter
    kiosk.start(attract=attract, at=2.0 if screenshot else None)
    return kiosk
