"""The editor's import controller: 50 photos go in off the GUI thread, with progress,
thumbnails as they come, a window that keeps processing events, and cancel."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtGui import QImage

from story.editing.chapters import add_chapter, chapter_id_at
from story.editing.story import StoryFields, set_story
from story.package.file import Package, create_package, open_package
from story.reading import list_media, media_ids_by_chapter
from tests.conftest import FIXTURES_MEDIA
from ui.importer import MediaImporter


def make_photos(folder: Path, count: int) -> list[Path]:
    rng = random.Random(4)
    paths = []
    for i in range(count):
        img = Image.new("RGB", (1200, 800), (rng.randrange(256), 90, 140))
        draw = ImageDraw.Draw(img)
        for _ in range(30):
            x, y = rng.randrange(1200), rng.randrange(800)
            draw.ellipse((x, y, x + 90, y + 60), fill=(rng.randrange(256), rng.randrange(256), 30))
        path = folder / f"photo-{i:02}.jpg"
        img.save(path, quality=85)
        paths.append(path)
    return paths


@pytest.fixture
def package(tmp_path: Path) -> Iterator[Package]:
    pkg = create_package(tmp_path / "import.storypkg")
    set_story(pkg, StoryFields(title="Import"))
    add_chapter(pkg, "One")
    yield pkg
    pkg.close()


@pytest.fixture
def pool() -> Iterator[QThreadPool]:
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    yield pool
    pool.waitForDone(30_000)


def test_fifty_photos_import_with_progress_and_thumbnails(
    qtbot, package: Package, pool: QThreadPool, tmp_path: Path
) -> None:
    photos = make_photos(tmp_path, 50)
    importer = MediaImporter(package, chapter_id_at(package, 1), pool=pool)
    progress: list[tuple[int, int]] = []
    thumbs: list[QImage] = []
    ticks = []
    importer.progress.connect(lambda done, total: progress.append((done, total)))
    importer.item_imported.connect(lambda _mid, image: thumbs.append(image))
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    with qtbot.waitSignal(importer.finished, timeout=120_000):
        importer.start(photos)
        assert importer.running
    timer.stop()
    assert progress[-1] == (50, 50)
    assert [d for d, _ in progress] == list(range(1, 51))
    assert len(thumbs) == 50
    assert all(not t.isNull() and max(t.width(), t.height()) == 320 for t in thumbs)
    assert len(ticks) > 10  # the GUI thread kept running its event loop throughout
    assert len(media_ids_by_chapter(package)[1]) == 50


def test_cancel_stops_after_the_current_file(
    qtbot, package: Package, pool: QThreadPool, tmp_path: Path
) -> None:
    photos = make_photos(tmp_path, 30)
    importer = MediaImporter(package, chapter_id_at(package, 1), pool=pool)
    arrived: list[str] = []

    def on_item(media_id: str, _image: QImage) -> None:
        arrived.append(media_id)
        if len(arrived) == 3:
            importer.cancel()

    importer.item_imported.connect(on_item)
    with qtbot.waitSignal(importer.finished, timeout=120_000):
        importer.start(photos)
    assert 3 <= len(arrived) < 30
    assert not importer.running
    path = package.path
    package.close()
    with open_package(path) as again:  # still a sound package holding whole imports only
        assert len(list_media(again)) == len(arrived)
        assert media_ids_by_chapter(again)[1] == arrived


def test_bad_files_are_reported_and_the_rest_go_in(
    qtbot, package: Package, pool: QThreadPool
) -> None:
    files = [
        FIXTURES_MEDIA / "images" / "exif-orientation-6.jpg",
        FIXTURES_MEDIA / "bad" / "truncated.jpg",
        FIXTURES_MEDIA / "audio" / "mp3-vbr-xing.mp3",
        FIXTURES_MEDIA / "bad" / "wav-samplerate-zero.wav",
    ]
    importer = MediaImporter(package, chapter_id_at(package, 1), pool=pool)
    failures: list[tuple[str, str]] = []
    thumbs: list[QImage] = []
    importer.failed.connect(lambda p, reason: failures.append((p, reason)))
    importer.item_imported.connect(lambda _mid, image: thumbs.append(image))
    with qtbot.waitSignal(importer.finished, timeout=60_000):
        importer.start(files)
    assert [Path(p).name for p, _ in failures] == ["truncated.jpg", "wav-samplerate-zero.wav"]
    assert "truncated" in failures[0][1]
    assert len(thumbs) == 2 and not thumbs[1].isNull()  # the recording gets a drawn waveform


def test_chapters_moved_during_an_import_keep_their_files(
    qtbot, package: Package, pool: QThreadPool, tmp_path: Path
) -> None:
    """The importer holds its chapter by id: a reorder mid-import cannot misplace files."""
    from story.editing.chapters import move_chapter
    from story.reading import list_chapters

    add_chapter(package, "Two")
    photos = make_photos(tmp_path, 8)
    importer = MediaImporter(package, chapter_id_at(package, 1), pool=pool)  # "One"
    moved: list[bool] = []

    def on_first(_mid: str, _image: QImage) -> None:
        if not moved:
            move_chapter(package, chapter_id_at(package, 1), 2)  # "One" is now chapter 2
            moved.append(True)

    importer.item_imported.connect(on_first)
    with qtbot.waitSignal(importer.finished, timeout=120_000):
        importer.start(photos)
    assert moved
    titles = [c.title for c in list_chapters(package)]
    assert titles == ["Two", "One"]
    links = media_ids_by_chapter(package)
    assert len(links[2]) == 8 and links[1] == []
