"""A recording's editor: waveform with trim and fade handles, play, transcript.

Trim and fades are parameters (``story.editing.audio.AudioEdit``), never applied to
the master: drag the dark handles to trim, the ramps' corners to fade, or use
the spin boxes (keyboard). Playback (QtMultimedia) starts at the trim start
and stops at the trim end.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from story.editing import audio as audio_edits
from story.ids import MediaId
from story.reading import get_media, media_bytes, rendition
from ui.editor import media_undo
from ui.editor.document import Change, EditorDocument, Notice
from ui.editor.fields import Committer
from ui.editor.icons import icon

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QMediaPlayer

HANDLE_PX = 7


class WaveformEdit(QWidget):
    """Peaks drawn full width; the kept part bright, the trimmed ends grey, fades as ramps."""

    editChanged = Signal(object)  # AudioEdit, when a drag ends

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.peaks: list[float] = []
        self.duration = 0.0
        self.edit = audio_edits.AudioEdit()
        self.position: float | None = None
        self._drag: str | None = None
        self.setMinimumHeight(110)
        self.setMouseTracking(True)
        self.setAccessibleName(self.tr("Waveform with trim and fade handles"))

    def sizeHint(self) -> QSize:
        return QSize(480, 120)

    def set_audio(self, peaks: list[float], duration: float, edit: audio_edits.AudioEdit) -> None:
        self.peaks, self.duration, self.edit = peaks, max(0.001, duration), edit
        self.update()

    def _x(self, seconds: float) -> float:
        return seconds / self.duration * self.width()

    def _s(self, x: float) -> float:
        return max(0.0, min(self.duration, x / max(1, self.width()) * self.duration))

    def handles(self) -> dict[str, float]:
        e, d = self.edit, self.duration
        start, end = e.trim_start_s, d - e.trim_end_s
        return {
            "trim_start": self._x(start),
            "trim_end": self._x(end),
            "fade_in": self._x(start + e.fade_in_s),
            "fade_out": self._x(end - e.fade_out_s),
        }

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width(), self.height()
        p.fillRect(self.rect(), QColor("#f2efe8"))
        mid = h / 2
        hs = self.handles()
        n = len(self.peaks)
        for x in range(w):
            level = self.peaks[x * n // w] if n else 0.0
            inside = hs["trim_start"] <= x <= hs["trim_end"]
            p.setPen(QPen(QColor("#4b5d67" if inside else "#c4bfb4"), 1))
            half = max(0.5, level * (mid - 8))
            p.drawLine(QPointF(x + 0.5, mid - half), QPointF(x + 0.5, mid + half))
        ramp = QPainterPath(QPointF(hs["trim_start"], h - 4))
        ramp.lineTo(hs["fade_in"], 4)
        ramp.lineTo(hs["fade_out"], 4)
        ramp.lineTo(hs["trim_end"], h - 4)
        p.setPen(QPen(QColor("#c8402a"), 1.6))
        p.drawPath(ramp)
        for name in ("fade_in", "fade_out"):
            p.setBrush(QColor("#c8402a"))
            p.drawEllipse(QPointF(hs[name], 4), 4, 4)
        for name in ("trim_start", "trim_end"):
            hx = hs[name]
            p.fillRect(QRectF(hx - 1.5, 0, 3, h), QColor("#23262b"))
            p.fillRect(QRectF(hx - HANDLE_PX / 2, mid - 14, HANDLE_PX, 28), QColor("#23262b"))
        if self.position is not None:
            p.setPen(QPen(QColor("#c8402a"), 2))
            px = self._x(self.position)
            p.drawLine(QPointF(px, 0), QPointF(px, h))
        p.end()

    def _hit(self, pos: QPointF) -> str | None:
        hs = self.handles()
        order = ("fade_in", "fade_out") if pos.y() < 16 else ("trim_start", "trim_end")
        best = min(order, key=lambda k: abs(hs[k] - pos.x()))
        return best if abs(hs[best] - pos.x()) <= 10 else None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._drag = self._hit(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is None:
            hit = self._hit(event.position())
            self.setCursor(Qt.CursorShape.SizeHorCursor if hit else Qt.CursorShape.ArrowCursor)
            return
        s = self._s(event.position().x())
        e, d = self.edit, self.duration
        if self._drag == "trim_start":
            e = audio_edits.AudioEdit(
                min(s, d - e.trim_end_s - 0.1), e.trim_end_s, e.fade_in_s, e.fade_out_s
            )
        elif self._drag == "trim_end":
            e = audio_edits.AudioEdit(
                e.trim_start_s,
                max(0.0, min(d - s, d - e.trim_start_s - 0.1)),
                e.fade_in_s,
                e.fade_out_s,
            )
        elif self._drag == "fade_in":
            e = audio_edits.AudioEdit(
                e.trim_start_s, e.trim_end_s, max(0.0, s - e.trim_start_s), e.fade_out_s
            )
        else:
            e = audio_edits.AudioEdit(
                e.trim_start_s, e.trim_end_s, e.fade_in_s, max(0.0, d - e.trim_end_s - s)
            )
        self.edit = _clamp(e, d)
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag is not None:
            self._drag = None
            self.editChanged.emit(self.edit)


def _clamp(e: audio_edits.AudioEdit, d: float) -> audio_edits.AudioEdit:
    start = max(0.0, min(e.trim_start_s, d))
    end = max(0.0, min(e.trim_end_s, d - start))
    kept = max(0.0, d - start - end)
    fin = max(0.0, min(e.fade_in_s, kept))
    fout = max(0.0, min(e.fade_out_s, kept - fin))
    return audio_edits.AudioEdit(round(start, 3), round(end, 3), round(fin, 3), round(fout, 3))


class AudioPanel(QWidget):
    def __init__(self, doc: EditorDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.media_id: MediaId | None = None
        self._player: QMediaPlayer | None = None
        self._file: Path | None = None
        self.wave = WaveformEdit(self)
        self.wave.editChanged.connect(self._commit)
        self.play = QToolButton(self)
        self.play.setIcon(icon("play"))
        self.play.setToolTip(self.tr("Play the kept part"))
        self.play.setAccessibleName(self.tr("Play"))
        self.play.clicked.connect(self.toggle_play)
        self.spins: dict[str, QDoubleSpinBox] = {}
        row = QGridLayout()
        row.addWidget(self.play, 0, 0, 2, 1)
        for i, (name, label) in enumerate(
            (
                ("trim_start_s", self.tr("Trim start")),
                ("trim_end_s", self.tr("Trim end")),
                ("fade_in_s", self.tr("Fade in")),
                ("fade_out_s", self.tr("Fade out")),
            )
        ):
            spin = QDoubleSpinBox(self)
            spin.setSuffix(" " + self.tr("s", "seconds"))
            spin.setDecimals(1)
            spin.setSingleStep(0.5)
            spin.setAccessibleName(label)
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(self._spun)
            row.addWidget(QLabel(label, self), i // 2, 1 + (i % 2) * 2, Qt.AlignmentFlag.AlignRight)
            row.addWidget(spin, i // 2, 2 + (i % 2) * 2)
            self.spins[name] = spin
        row.setColumnStretch(5, 1)
        self.transcript = QPlainTextEdit(self)
        self.transcript.setPlaceholderText(
            self.tr("What is said in the recording, for readers who cannot listen")
        )
        self.transcript.setAccessibleName(self.tr("Transcript"))
        self.transcript.setTabChangesFocus(True)
        self.transcript.setMaximumHeight(120)
        self.transcript_commit = Committer(self.transcript, self._transcript)
        form = QFormLayout()
        form.addRow(self.tr("Transcript"), self.transcript)
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.wave)
        col.addLayout(row)
        col.addLayout(form)
        doc.changed.connect(self._changed)

    def set_media(self, media_id: MediaId | None) -> None:
        self.stop()
        self.media_id = media_id
        if media_id is None:
            return
        m = get_media(self.doc.pkg, media_id)
        found = rendition(self.doc.pkg, media_id, "peaks")
        peaks = json.loads(found[1]) if found else []
        self.wave.set_audio(
            peaks, m.duration_s or 1.0, audio_edits.get_audio_edit(self.doc.pkg, media_id)
        )
        self._show_edit()
        self.transcript_commit.set_text(m.transcript)

    def _show_edit(self) -> None:
        e = self.wave.edit
        for name, spin in self.spins.items():
            spin.blockSignals(True)
            spin.setRange(0.0, self.wave.duration)
            spin.setValue(getattr(e, name))
            spin.blockSignals(False)

    def _changed(self, n: Notice) -> None:
        if n.media != self.media_id or self.media_id is None:
            return
        if n.kind is Change.AUDIO:
            self.wave.edit = audio_edits.get_audio_edit(self.doc.pkg, self.media_id)
            self.wave.update()
            self._show_edit()
        elif n.kind is Change.MEDIA:
            self.transcript_commit.set_text(get_media(self.doc.pkg, self.media_id).transcript)

    def _spun(self, *_: object) -> None:
        e = audio_edits.AudioEdit(**{k: s.value() for k, s in self.spins.items()})
        self._commit(_clamp(e, self.wave.duration))

    def _commit(self, edit: audio_edits.AudioEdit) -> None:
        if self.media_id is not None and not self.doc.readonly:
            media_undo.set_audio_edit(self.doc, self.media_id, edit)

    def _transcript(self, text: str) -> None:
        if self.media_id is not None and not self.doc.readonly:
            media_undo.set_media_field(self.doc, self.media_id, "transcript", text)

    # -- playback -------------------------------------------------------------------------
    def toggle_play(self) -> None:
        if self._player is not None and self._player.isPlaying():
            self.stop()
            return
        if self.media_id is None:
            return
        found = rendition(self.doc.pkg, self.media_id, "delivery")
        data = found[1] if found else media_bytes(self.doc.pkg, self.media_id)
        suffix = ".m4a" if found and "mp4" in found[0] else ".audio"
        tmp = tempfile.NamedTemporaryFile(prefix="storyport-", suffix=suffix, delete=False)
        tmp.write(data)
        tmp.close()
        self._file = Path(tmp.name)
        from PySide6.QtMultimedia import QMediaPlayer  # loaded on first play

        player = self._player
        if player is None:
            player = self._player = QMediaPlayer(self)
            self._output = QAudioOutput(self)
            player.setAudioOutput(self._output)
            player.positionChanged.connect(self._position)
        player.setSource(QUrl.fromLocalFile(str(self._file)))
        player.setPosition(int(self.wave.edit.trim_start_s * 1000))
        player.play()
        self.play.setIcon(icon("stop"))

    def _position(self, ms: int) -> None:
        s = ms / 1000
        self.wave.position = s
        self.wave.update()
        if s >= self.wave.duration - self.wave.edit.trim_end_s:
            self.stop()

    def stop(self) -> None:
        if self._player is not None:
            self._player.stop()
        self.wave.position = None
        self.play.setIcon(icon("play"))
        if self._file is not None:
            self._file.unlink(missing_ok=True)
            self._file = None
