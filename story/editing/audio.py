"""Non-destructive audio edits: seconds trimmed at each end and fade lengths.

They are parameters, never applied to the master: the editor sets them and
the reader's player honours them. They live in the ``meta`` table under
``audio-edit:<first 52 hex of the media id>`` as JSON, so every Storyport
build (and ``story.package.guard``) opens the file unchanged.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from story.editing import writable
from story.ids import MediaId
from story.package.file import Package

AUDIO_EDIT_PREFIX = "audio-edit:"


@dataclass(frozen=True)
class AudioEdit:
    """How to play a recording: seconds cut at each end and fade lengths; the master is kept."""

    trim_start_s: float = 0.0
    trim_end_s: float = 0.0
    fade_in_s: float = 0.0
    fade_out_s: float = 0.0


def audio_key(media_id: MediaId) -> str:
    return AUDIO_EDIT_PREFIX + media_id[:52]  # the meta key column is 64 characters


def get_audio_edit(pkg: Package, media_id: MediaId) -> AudioEdit:
    with pkg.reading() as conn:  # plain SQL: the reader asks before its first paint
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (audio_key(media_id),))
        found = row.fetchone()
    if found is None:
        return AudioEdit()
    try:
        raw = json.loads(found[0])
        return AudioEdit(**{k: max(0.0, float(raw.get(k, 0.0))) for k in asdict(AudioEdit())})
    except (ValueError, TypeError, AttributeError):
        return AudioEdit()


def set_audio_edit(pkg: Package, media_id: MediaId, edit: AudioEdit) -> None:
    from sqlalchemy import delete

    from story.package.schema import Meta

    writable(pkg)
    with pkg.session(write=True) as s:
        key = audio_key(media_id)
        if edit == AudioEdit():
            s.execute(delete(Meta).where(Meta.key == key))
        else:
            s.merge(Meta(key=key, value=json.dumps(asdict(edit))))
