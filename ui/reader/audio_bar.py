"""The slim audio bar: play/pause, a waveform seek bar, elapsed/total time, volume.

QtMultimedia is imported here only, when the first chapter with sound is shown,
so the cover paints without paying for it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QToolButton, QVBoxLayout, QWidget

from story.editing.audio import AudioEdit, get_audio_edit
from story.package.file import Package
from story.paths import data_home
from story.reading import media_bytes, rendition
from story.records import MediaInfo

if TYPE_CHECKING:  # imported for real on first use (start-up stays light)
    from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

_EXT = {
    "audio/mpeg": ".mp3",
    "audio/mp4": ".m4a",
    "audio/aac": ".m4a",
    "audio/ogg": ".ogg",
    "audio/wav": ".wav",
    "audio/x-wav": ".wav",
    "audio/flac": ".flac",
    "audio/opus": ".opus",
}
#: The title column is never narrower than this, the waveform never narrower than that.
LABELS_MIN, SEEK_MIN = 160, 240


def fmt_time(ms: int) -> str:
    s = max(0, ms) // 1000
    return f"{s // 60}:{s % 60:02d}"


def audio_file(pkg: Package, item: MediaInfo) -> Path:
    """The playable file for a medium, written once into the cache folder (by content id)."""
    folder = data_home() / "cache" / "audio"
    for cached in folder.glob(f"{item.id[:32]}.*"):
        if cached.suffix != ".part":
            return cached
    found = rendition(pkg, item.id, "delivery")
    mime, data = found if found else (item.mime, b"")
    path = folder / f"{item.id[:32]}{_EXT.get(mime, '.bin')}"
    if not path.is_file():
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + ".part")
        tmp.write_bytes(data or media_bytes(pkg, item.id))
        tmp.replace(path)
    return path


def load_peaks(pkg: Package, media_id: str) -> list[float]:
    found = rendition(pkg, media_id, "peaks")
    if not found:
        return []
    try:
        values = json.loads(found[1])
        return [float(v) for v in values][:4000]
    except (ValueError, TypeError):
        return []


def _elide(label: QLabel, text: str, width: int) -> None:
    """Show as much of ``text`` as fits; the whole of it stays in the tooltip."""
    label.setText(label.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, width))
    label.setToolTip(text)
    label.setAccessibleName(text)


class WaveformSlider(QSlider):
    """A QSlider (so keyboard and screen readers work) drawn as the recording's waveform."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.peaks: list[float] = []
        self.heard = (0.0, 1.0)  # the part of the recording the trim keeps, as fractions
        self.played = QColor("#c8402a")
        self.rest = QColor("#b9b1a1")
        self.setMinimumHeight(34)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.peaks:
            super().paintEvent(event)
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width(), self.height()
        bars = max(1, w // 3)
        frac = (self.value() - self.minimum()) / max(1, self.maximum() - self.minimum())
        n = len(self.peaks)
        for i in range(bars):
            lo, hi = i * n // bars, max(i * n // bars + 1, (i + 1) * n // bars)
            level = max(self.peaks[lo:hi]) if lo < n else 0.0
            bh = max(2.0, level * (h - 6))
            at = (i + 0.5) / bars
            color = QColor(self.played if at <= frac else self.rest)
            if not self.heard[0] <= at <= self.heard[1]:
                color.setAlpha(60)
            painter.fillRect(QRectF(i * 3, (h - bh) / 2, 2, bh), color)
        if self.hasFocus():
            painter.setPen(self.palette().color(self.foregroundRole()))  # ink of the scheme
            painter.drawRect(QRectF(0.5, 0.5, w - 1, h - 1))


class AudioBar(QWidget):
    """Plays one recording per chapter; K toggles play/pause from the window."""

    playingChanged = Signal(bool)

    def __init__(self, accent: str = "#c8402a", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AudioBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFixedHeight(58)
        self._player: QMediaPlayer | None = None
        self._output: QAudioOutput | None = None
        self._duration = self._start = self._end = 0
        self._edit = AudioEdit()
        self.play_button = QToolButton(self)
        self.play_button.setFixedSize(34, 34)
        self.play_button.setText("▶")
        self.play_button.setToolTip(self.tr("Play / pause (K)"))
        self.play_button.setAccessibleName(self.tr("Play"))
        self.play_button.clicked.connect(self.toggle)
        self.title = QLabel(self)
        self.title.setObjectName("AudioTitle")
        self.credit = QLabel(self)
        self.seek = WaveformSlider(self)
        self.seek.played = QColor(accent)
        self.seek.setAccessibleName(self.tr("Position in the recording"))
        self.seek.setRange(0, 0)
        self.seek.sliderMoved.connect(self._seek_to)
        self.seek.actionTriggered.connect(lambda _a: self._seek_to(self.seek.sliderPosition()))
        self.time = QLabel("0:00 / 0:00", self)
        self.time.setMinimumWidth(86)
        self.volume = QSlider(Qt.Orientation.Horizontal, self)
        self.volume.setRange(0, 100)
        self.volume.setValue(80)
        self.volume.setFixedWidth(90)
        self.volume.setAccessibleName(self.tr("Volume"))
        self.volume.setToolTip(self.tr("Volume"))
        self.volume.valueChanged.connect(self._set_volume)
        vol_label = QLabel(self.tr("Vol", "volume, abbreviated"), self)

        self._texts = ("", "")
        labels = self.labels = QWidget(self)
        labels.setFixedWidth(LABELS_MIN)
        col = QVBoxLayout(labels)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(1)
        col.addWidget(self.title)
        col.addWidget(self.credit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(22, 8, 22, 8)
        layout.setSpacing(14)
        layout.addWidget(self.play_button)
        layout.addWidget(labels)
        layout.addWidget(self.seek, 1)
        layout.addWidget(self.time)
        layout.addWidget(vol_label)
        layout.addWidget(self.volume)

    # -- the player, created on first use ------------------------------------
    @property
    def player(self) -> QMediaPlayer:
        if self._player is None:
            from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

            self._output = QAudioOutput(self)
            self._output.setVolume(self.volume.value() / 100)
            self._player = QMediaPlayer(self)
            self._player.setAudioOutput(self._output)
            self._player.positionChanged.connect(self._on_position)
            self._player.durationChanged.connect(self._on_duration)
            self._player.playbackStateChanged.connect(self._on_state)
        return self._player

    def load(self, pkg: Package, item: MediaInfo | None) -> None:
        """Show ``item`` (stopped, at the start), or hide the bar when there is none."""
        if self._player is not None:
            self._player.stop()
        self.setVisible(item is not None)
        if item is None:
            return
        self._texts = (item.caption or self.tr("Sound"), item.credit)
        self._fit_labels()
        self.seek.peaks = load_peaks(pkg, item.id)
        self._edit = get_audio_edit(pkg, item.id)
        self._set_duration(int((item.duration_s or 0) * 1000))
        self.seek.setValue(self._start)
        self.seek.setSingleStep(5000)
        self.seek.setPageStep(15000)
        self.player.setSource(QUrl.fromLocalFile(str(audio_file(pkg, item))))
        self._set_volume(self.volume.value())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_labels()

    def _fit_labels(self) -> None:
        """Give the title and credit the room they need; elide only when the bar is short of it."""
        title, credit = self._texts
        need = 4 + max(
            self.title.fontMetrics().horizontalAdvance(title),
            self.credit.fontMetrics().horizontalAdvance(credit),
        )
        layout = self.layout()
        if layout is None:
            return
        margins = layout.contentsMargins()
        others = sum(
            w.sizeHint().width()
            for w in self.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
            if w not in (self.labels, self.seek) and not w.isHidden()
        )
        spacing = layout.spacing() * (layout.count() - 1)
        room = self.width() - margins.left() - margins.right() - others - spacing - SEEK_MIN
        width = max(LABELS_MIN, min(need, room))
        self.labels.setFixedWidth(width)
        _elide(self.title, title, width)
        _elide(self.credit, credit, width)

    def _set_duration(self, ms: int) -> None:
        """The whole recording's length; the curator's trim decides what is heard of it."""
        self._duration = ms
        self._start = min(ms, int(self._edit.trim_start_s * 1000))
        self._end = max(self._start, ms - int(self._edit.trim_end_s * 1000))
        self.seek.setRange(0, ms)
        self.seek.heard = (self._start / max(1, ms), self._end / max(1, ms))
        self._update_time(self.position())

    def toggle(self) -> None:
        if not self.isVisible():
            return
        from PySide6.QtMultimedia import QMediaPlayer

        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        else:
            if not self._start <= self.player.position() < self._end:
                self.player.setPosition(self._start)
            self.player.play()

    def play(self) -> None:
        """Play from where it is (the trimmed start when at an end); nothing if playing."""
        if not self.is_playing():
            self.toggle()

    def stop(self) -> None:
        if self._player is not None:
            self._player.stop()

    def is_playing(self) -> bool:
        if self._player is None:
            return False
        from PySide6.QtMultimedia import QMediaPlayer

        return self._player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def position(self) -> int:
        return self._player.position() if self._player is not None else 0

    def _seek_to(self, ms: int) -> None:
        self.player.setPosition(max(self._start, min(ms, self._end)))

    def _set_volume(self, value: int) -> None:
        if self._output is not None:
            self._output.setVolume(value / 100 * self._fade(self.position()))

    def _fade(self, ms: int) -> float:
        """Gain (0..1) of the curator's fade in and fade out at ``ms``."""
        gain = 1.0
        fade_in, fade_out = self._edit.fade_in_s * 1000, self._edit.fade_out_s * 1000
        if fade_in > 0:
            gain = min(gain, max(0.0, (ms - self._start) / fade_in))
        if fade_out > 0:
            gain = min(gain, max(0.0, (self._end - ms) / fade_out))
        return gain

    def _on_position(self, ms: int) -> None:
        if self.is_playing() and ms < self._start - 50:
            self.player.setPosition(self._start)  # a seek asked before the media loaded
            ms = self._start
        if self.is_playing() and ms >= self._end > self._start:
            self.player.pause()  # the trimmed end: stop there, ready to play again
            self.player.setPosition(self._start)
            ms = self._start
        if not self.seek.isSliderDown():
            self.seek.setValue(ms)
        self._set_volume(self.volume.value())
        self._update_time(ms)

    def _on_duration(self, ms: int) -> None:
        if ms > 0:
            self._set_duration(ms)

    def _on_state(self, _state: object) -> None:
        playing = self.is_playing()
        self.play_button.setText("❚❚" if playing else "▶")
        self.play_button.setAccessibleName(self.tr("Pause") if playing else self.tr("Play"))
        self.playingChanged.emit(playing)

    def _update_time(self, ms: int) -> None:
        heard = self._end - self._start
        self.time.setText(f"{fmt_time(ms - self._start)} / {fmt_time(heard)}")
