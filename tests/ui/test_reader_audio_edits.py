"""The reader plays what the curator kept: trims skip the cut ends, fades shape the volume."""

from __future__ import annotations

from pathlib import Path

import pytest

from media.importer import import_file
from story.editing.audio import AudioEdit, set_audio_edit
from story.editing.chapters import add_chapter
from story.editing.media import append_media, store_media
from story.editing.story import StoryFields, set_story
from story.package.file import create_package, open_package


@pytest.fixture
def trimmed_package(tmp_path: Path, shared_media: Path) -> tuple[Path, str]:
    path = tmp_path / "trim.storypkg"
    with create_package(path) as pkg:
        set_story(pkg, StoryFields(title="Trimmed"))
        chapter_id = add_chapter(pkg, "Sound", body_md="A recording.")
        item = import_file(shared_media / "audio" / "wav-pcm16-mono-48k.wav")  # 8 s
        media_id = store_media(pkg, item, caption="Eight seconds", credit="Test")
        append_media(pkg, chapter_id, media_id)
        set_audio_edit(pkg, media_id, AudioEdit(trim_start_s=2.0, trim_end_s=3.0, fade_in_s=1.0))
    return path, media_id


def test_trimmed_recording_starts_late_fades_in_and_shows_kept_length(
    qtbot, trimmed_package, tmp_path, monkeypatch
) -> None:
    from ui.reader.window import ReaderWindow

    monkeypatch.setenv("STORYPORT_HOME", str(tmp_path / "home"))
    pkg = open_package(trimmed_package[0])
    window = ReaderWindow(pkg)
    qtbot.addWidget(window)
    window.show()
    view = window.view
    assert view is not None
    view.show_chapter(1)
    bar = view.audio
    assert bar.time.text() == "0:00 / 0:03"  # 8 s less 2 s and 3 s trimmed
    bar.toggle()
    qtbot.waitUntil(bar.is_playing, timeout=5000)
    # Played from 0 it could not pass 2 s within one second: it starts at the trim.
    qtbot.waitUntil(lambda: bar.position() >= 2000, timeout=1000)
    assert bar._fade(2500) == pytest.approx(0.5)  # halfway through the 1 s fade in
    assert bar._fade(4000) == 1.0
    bar.stop()
    view.shutdown()
    pkg.close()
