"""Every curator edit as an undo step (a ``QUndoCommand``): redo commits the edit, undo its reverse.

One small function per user action (like Anki's ``operations``): it reads the
"before" state from the package, then pushes an :class:`Edit` whose ``redo``
and ``undo`` call the write API (``story.editing``) and tell the views what
changed with typed notices (``ui.editor.document.Notice``). Typing in one
field merges into one step (``merge_key``), so Ctrl+Z undoes a word burst,
not a letter. Media and map edits are in ``ui/editor/media_undo.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from story.editing import chapters, media
from story.editing.story import StoryFields, set_story
from story.editing.story import set_cover as store_cover
from story.ids import ChapterId, MediaId
from story.reading import story_info
from story.records import Place
from ui.editor.document import Change, EditorDocument, Notice

_MERGE_IDS: dict[str, int] = {}


def _merge_id(kind: str) -> int:
    return _MERGE_IDS.setdefault(kind, 1000 + len(_MERGE_IDS))


class Edit(QUndoCommand):
    """A reversible edit: ``do`` and ``undo`` commit to the package, ``notices`` tell the views."""

    def __init__(
        self,
        doc: EditorDocument,
        text: str,
        do: Callable[[], None],
        undo: Callable[[], None],
        notices: Sequence[Notice],
        *,
        merge_key: tuple[object, ...] | None = None,
        done_already: bool = False,
    ) -> None:
        super().__init__(text)
        self.doc = doc
        self._do, self._undo = do, undo
        self.notices = list(notices)
        self.merge_key = merge_key
        self._skip = done_already

    def redo(self) -> None:
        if self._skip:  # the work was committed before the step was pushed (imports)
            self._skip = False
        else:
            self._do()
        self._tell()

    def undo(self) -> None:
        self._undo()
        self._tell()

    def _tell(self) -> None:
        for notice in self.notices:
            self.doc.notify(notice)

    def id(self) -> int:
        return _merge_id(str(self.merge_key[0])) if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, Edit) or other.merge_key != self.merge_key:
            return False
        self._do = other._do
        return True


def push(doc: EditorDocument, step: QUndoCommand) -> QUndoCommand:
    doc.stack.push(step)
    return step


# -- story ----------------------------------------------------------------------------------
def set_story_field(doc: EditorDocument, field: str, value: str) -> None:
    info = story_info(doc.pkg)
    before = StoryFields(
        info.title,
        info.subtitle,
        info.byline,
        info.published,
        info.language,
        info.about_md,
        dict(info.theme),
    )
    if getattr(before, field) == value:
        return
    after = StoryFields(**{**before.__dict__, field: value})
    texts = {  # one whole sentence per field: translations need them whole
        "title": QCoreApplication.translate("Edit", "Edit the story's title"),
        "subtitle": QCoreApplication.translate("Edit", "Edit the story's subtitle"),
        "byline": QCoreApplication.translate("Edit", "Edit the story's byline"),
        "published": QCoreApplication.translate("Edit", "Edit the story's date"),
        "language": QCoreApplication.translate("Edit", "Edit the story's language"),
        "about_md": QCoreApplication.translate("Edit", "Edit the story's about text"),
    }
    push(
        doc,
        Edit(
            doc,
            texts.get(field) or QCoreApplication.translate("Edit", "Edit the story"),
            lambda: set_story(doc.pkg, after),
            lambda: set_story(doc.pkg, before),
            [Notice(Change.STORY, field=field)],
            merge_key=("story", field),
        ),
    )


def set_cover(doc: EditorDocument, media_id: MediaId | None) -> None:
    before = story_info(doc.pkg).cover_media_id
    if before == media_id:
        return
    push(
        doc,
        Edit(
            doc,
            QCoreApplication.translate("Edit", "Set the cover")
            if media_id
            else QCoreApplication.translate("Edit", "Clear the cover"),
            lambda: store_cover(doc.pkg, media_id),
            lambda: store_cover(doc.pkg, before),
            [
                Notice(Change.STORY, field="cover"),
                Notice(Change.MEDIA, media=media_id),
                Notice(Change.MEDIA, media=before),
            ],
        ),
    )


# -- chapters -------------------------------------------------------------------------------
def set_chapter_field(doc: EditorDocument, chapter_id: ChapterId, field: str, value: str) -> None:
    before = chapters.chapter_text(doc.pkg, chapter_id)[field]
    if before == value:
        return
    text = {
        "body_md": QCoreApplication.translate("Edit", "Edit the chapter's text"),
        "title": QCoreApplication.translate("Edit", "Rename chapter"),
        "summary": QCoreApplication.translate("Edit", "Edit the chapter's summary"),
    }[field]
    push(
        doc,
        Edit(
            doc,
            text,
            lambda: chapters.set_chapter_text(doc.pkg, chapter_id, **{field: value}),
            lambda: chapters.set_chapter_text(doc.pkg, chapter_id, **{field: before}),
            [Notice(Change.CHAPTER, chapter=chapter_id, field=field)],
            merge_key=("chapter", chapter_id, field),
        ),
    )


def set_chapter_date(doc: EditorDocument, chapter_id: ChapterId, value: str | None) -> None:
    """Date (or, with None, undate) a chapter: one undo step; the value is already checked."""
    before = chapters.chapter_date(doc.pkg, chapter_id)
    if before == value:
        return
    push(
        doc,
        Edit(
            doc,
            QCoreApplication.translate("Edit", "Date the chapter")
            if value
            else QCoreApplication.translate("Edit", "Remove the chapter's date"),
            lambda: chapters.set_chapter_date(doc.pkg, chapter_id, value),
            lambda: chapters.set_chapter_date(doc.pkg, chapter_id, before),
            [Notice(Change.CHAPTER, chapter=chapter_id, field="date")],
        ),
    )


class _InsertChapter(Edit):
    """Add (or duplicate) a chapter: the new id is known after the first redo."""

    def __init__(
        self, doc: EditorDocument, text: str, snap: chapters.ChapterSnapshot, at: int
    ) -> None:
        self.snap, self.at = snap, at
        self.chapter_id: ChapterId | None = None
        super().__init__(doc, text, self._insert, self._remove, [])

    def _insert(self) -> None:
        self.chapter_id = chapters.restore_chapter(self.doc.pkg, self.snap, self.at)
        self.snap = chapters.snapshot_chapter(self.doc.pkg, self.chapter_id)
        self.doc.notify(Notice(Change.CHAPTER_ADDED, chapter=self.chapter_id, number=self.at))

    def _remove(self) -> None:
        if self.chapter_id is not None:
            chapters.remove_chapter(self.doc.pkg, self.chapter_id)
            self.doc.notify(Notice(Change.CHAPTER_REMOVED, chapter=self.chapter_id))


def add_chapter(doc: EditorDocument, at: int, title: str | None = None) -> ChapterId:
    title = title or QCoreApplication.translate("Edit", "New chapter")
    text = QCoreApplication.translate("Edit", "Add chapter")
    step = _InsertChapter(doc, text, chapters.ChapterSnapshot(None, title), at)
    push(doc, step)
    assert step.chapter_id is not None
    return step.chapter_id


def duplicate_chapter(doc: EditorDocument, chapter_id: ChapterId) -> ChapterId:
    snap = chapters.snapshot_chapter(doc.pkg, chapter_id)
    copy = chapters.ChapterSnapshot(
        None,
        QCoreApplication.translate("Edit", "%1 (copy)").replace("%1", snap.title),
        snap.summary,
        snap.body_md,
        snap.place,
        snap.media,
    )
    at = chapters.chapter_index(doc.pkg, chapter_id) + 1
    step = _InsertChapter(doc, QCoreApplication.translate("Edit", "Duplicate chapter"), copy, at)
    push(doc, step)
    assert step.chapter_id is not None
    return step.chapter_id


def delete_chapter(doc: EditorDocument, chapter_id: ChapterId) -> None:
    at = chapters.chapter_index(doc.pkg, chapter_id)
    snap = chapters.snapshot_chapter(doc.pkg, chapter_id)

    def do() -> None:
        chapters.remove_chapter(doc.pkg, chapter_id)
        doc.notify(Notice(Change.CHAPTER_REMOVED, chapter=chapter_id))

    def undo() -> None:
        chapters.restore_chapter(doc.pkg, snap, at)
        doc.notify(Notice(Change.CHAPTER_ADDED, chapter=chapter_id, number=at))

    text = QCoreApplication.translate("Edit", "Delete chapter “%1”").replace("%1", snap.title)
    push(doc, Edit(doc, text, do, undo, []))


def move_chapter(doc: EditorDocument, chapter_id: ChapterId, to_index: int) -> None:
    src = chapters.chapter_index(doc.pkg, chapter_id)
    if src == to_index:
        return

    def do() -> None:
        chapters.move_chapter(doc.pkg, chapter_id, to_index)
        doc.notify(Notice(Change.CHAPTER_MOVED, chapter=chapter_id, number=to_index))

    def undo() -> None:
        chapters.move_chapter(doc.pkg, chapter_id, src)
        doc.notify(Notice(Change.CHAPTER_MOVED, chapter=chapter_id, number=src))

    push(doc, Edit(doc, QCoreApplication.translate("Edit", "Move chapter"), do, undo, []))


def set_place(
    doc: EditorDocument, chapter_id: ChapterId, place: Place | None, text: str | None = None
) -> None:
    text = text or QCoreApplication.translate("Edit", "Place chapter")
    before = chapters.get_place(doc.pkg, chapter_id)
    if before == place:
        return
    push(
        doc,
        Edit(
            doc,
            text if place else QCoreApplication.translate("Edit", "Remove the chapter's place"),
            lambda: chapters.set_place(doc.pkg, chapter_id, place),
            lambda: chapters.set_place(doc.pkg, chapter_id, before),
            [Notice(Change.PLACE, chapter=chapter_id)],
        ),
    )


# -- a chapter's media ----------------------------------------------------------------------
def set_chapter_media(
    doc: EditorDocument, chapter_id: ChapterId, ids: list[MediaId], text: str
) -> None:
    before = media.chapter_media_ids(doc.pkg, chapter_id)
    if before == ids:
        return
    touched = [Notice(Change.MEDIA, media=m) for m in set(before) ^ set(ids)]
    push(
        doc,
        Edit(
            doc,
            text,
            lambda: media.set_chapter_media(doc.pkg, chapter_id, ids),
            lambda: media.set_chapter_media(doc.pkg, chapter_id, before),
            [Notice(Change.CHAPTER_MEDIA, chapter=chapter_id), *touched],
        ),
    )
