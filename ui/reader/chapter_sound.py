"""The chapter's sound in the flow: it starts when its block scrolls into view.

Playback stays the audio bar's (``ui.reader.audio_bar``: its volume is the
reader's, so a sound that starts by itself is never louder than the reader
set). One key (A) turns starting by itself off and on; the choice is kept in
the reader's settings for every story. A screenshot run (``sync``) never
starts a sound.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from ui.reader.audio_bar import AudioBar
from ui.reader.chapter_figures import SoundBlock
from ui.reader.memory import settings

AUTO_SETTING = "reader/sound_starts_in_view"


class SoundInFlow(QObject):
    """Wires the sound's block to the audio bar, and remembers whether it may start alone."""

    def __init__(self, audio: AudioBar, block: SoundBlock, *, remember: bool = True) -> None:
        super().__init__(audio)
        self.audio = audio
        self.block = block
        self._remember = remember
        value = str(settings().value(AUTO_SETTING, "true")).lower()
        self.auto = value not in ("false", "0", "no")
        self.sync = False
        block.set_auto(self.auto)
        block.playRequested.connect(audio.toggle)
        audio.playingChanged.connect(block.set_playing)

    def in_view(self) -> None:
        """The block came into view: play, unless the reader said not to (or a screenshot)."""
        if self.auto and not self.sync and not self.audio.isHidden():
            self.audio.play()

    def toggle_auto(self) -> None:
        """A: sounds start by themselves, or do not (remembered)."""
        self.auto = not self.auto
        self.block.set_auto(self.auto)
        if self._remember:
            settings().setValue(AUTO_SETTING, "true" if self.auto else "false")
        if not self.auto and self.audio.is_playing():
            self.audio.toggle()
