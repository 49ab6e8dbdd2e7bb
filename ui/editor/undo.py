"""Every curator edit as a ``QUndoCommand``: redo commits the edit, undo commits its reverse.

One small factory per user action (like Anki's ``operations``): it reads the
"before" state from the package, then pushes an :class:`Edit` whose ``redo``
and ``undo`` call ``story.editing`` / ``story.writing`` and tell the views
what changed. Typing in one field merges into one command (``merge_key``),
so Ctrl+Z undoes a word burst, not a letter.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoCommand

from story.editing import chapters as editing
from story.editing import writing
from story.reading import story_info
from story.records import Place
from ui.editor.document import EditorDocument

Change = tuple[str, object]
_MERGE_IDS: dict[str, int] = {}


def _merge_id(kind: str) -> int:
    return _MERGE_IDS.setdefault(kind, 1000 + len(_MERGE_IDS))


class Edit(QUndoCommand):
    """A reversible edit: ``do`` and ``undo`` commit to the package, ``changes`` tell the views."""

    def __init__(
        self,
        doc: EditorDocument,
        text: str,
        do: Callable[[], None],
        undo: Callable[[], None],
        changes: Sequence[Change],
        *,
        merge_key: tuple[object, ...] | None = None,
        done_already: bool = False,
    ) -> None:
        super().__init__(text)
        self.doc = doc
        self._do, self._undo = do, undo
        self.changes = list(changes)
        self.merge_key = merge_key
        self._skip = done_already

    def redo(self) -> None:
        if self._skip:  # the work was committed before the command was pushed (imports)
            self._skip = False
        else:
            self._do()
        self._tell()

    def undo(self) -> None:
        self._undo()
        self._tell()

    def _tell(self) -> None:
        for kind, key in self.changes:
            self.doc.notify(kind, key)

    def id(self) -> int:  # noqa: A003 - Qt's name
        return _merge_id(str(self.merge_key[0])) if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        if not isinstance(other, Edit) or other.merge_key != self.merge_key:
            return False
        self._do = other._do
        return True


def push(doc: EditorDocument, cmd: QUndoCommand) -> QUndoCommand:
    doc.stack.push(cmd)
    return cmd


# -- story ----------------------------------------------------------------------------------
def set_story_field(doc: EditorDocument, field: str, value: str) -> None:
    info = story_info(doc.pkg)
    before = writing.StoryFields(
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
    after = writing.StoryFields(**{**before.__dict__, field: value})
    label = {"about_md": "about text", "published": "date"}.get(field, field)
    push(
        doc,
        Edit(
            doc,
            f"Edit the story's {label}",
            lambda: writing.set_story(doc.pkg, after),
            lambda: writing.set_story(doc.pkg, before),
            [("story", field)],
            merge_key=("story", field),
        ),
    )


def set_cover(doc: EditorDocument, media_id: str | None) -> None:
    before = story_info(doc.pkg).cover_media_id
    if before == media_id:
        return
    push(
        doc,
        Edit(
            doc,
            "Set the cover" if media_id else "Clear the cover",
            lambda: writing.set_cover(doc.pkg, media_id),
            lambda: writing.set_cover(doc.pkg, before),
            [("story", "cover"), ("media", media_id), ("media", before)],
        ),
    )


# -- chapters -------------------------------------------------------------------------------
def set_chapter_field(doc: EditorDocument, chapter_id: int, field: str, value: str) -> None:
    before = editing.chapter_text(doc.pkg, chapter_id)[field]
    if before == value:
        return
    label = {"body_md": "text", "title": "title", "summary": "summary"}[field]
    push(
        doc,
        Edit(
            doc,
            f"Edit the chapter's {label}" if field != "title" else "Rename chapter",
            lambda: editing.set_chapter_text(doc.pkg, chapter_id, **{field: value}),
            lambda: editing.set_chapter_text(doc.pkg, chapter_id, **{field: before}),
            [("chapter", chapter_id)],
            merge_key=("chapter", chapter_id, field),
        ),
    )


class _Insert(Edit):
    """Add (or duplicate) a chapter: the new id is known after the first redo."""

    def __init__(
        self, doc: EditorDocument, text: str, snap: editing.ChapterSnapshot, at: int
    ) -> None:
        self.snap, self.at = snap, at
        self.chapter_id: int | None = None
        super().__init__(doc, text, self._insert, self._remove, [])

    def _insert(self) -> None:
        self.chapter_id = editing.restore_chapter(self.doc.pkg, self.snap, self.at)
        self.snap = editing.snapshot_chapter(self.doc.pkg, self.chapter_id)
        self.doc.notify("inserted", (self.chapter_id, self.at))

    def _remove(self) -> None:
        if self.chapter_id is not None:
            editing.delete_chapter(self.doc.pkg, self.chapter_id)
            self.doc.notify("removed", self.chapter_id)


def add_chapter(doc: EditorDocument, at: int, title: str = "New chapter") -> int:
    cmd = _Insert(doc, "Add chapter", editing.ChapterSnapshot(None, title), at)
    push(doc, cmd)
    assert cmd.chapter_id is not None
    return cmd.chapter_id


def duplicate_chapter(doc: EditorDocument, chapter_id: int) -> int:
    snap = editing.snapshot_chapter(doc.pkg, chapter_id)
    copy = editing.ChapterSnapshot(
        None, f"{snap.title} (copy)", snap.summary, snap.body_md, snap.place, snap.media
    )
    cmd = _Insert(doc, "Duplicate chapter", copy, editing.chapter_index(doc.pkg, chapter_id) + 1)
    push(doc, cmd)
    assert cmd.chapter_id is not None
    return cmd.chapter_id


def delete_chapter(doc: EditorDocument, chapter_id: int) -> None:
    at = editing.chapter_index(doc.pkg, chapter_id)
    snap = editing.snapshot_chapter(doc.pkg, chapter_id)

    def do() -> None:
        editing.delete_chapter(doc.pkg, chapter_id)
        doc.notify("removed", chapter_id)

    def undo() -> None:
        editing.restore_chapter(doc.pkg, snap, at)
        doc.notify("inserted", (chapter_id, at))

    push(doc, Edit(doc, f"Delete chapter “{snap.title}”", do, undo, []))


def move_chapter(doc: EditorDocument, chapter_id: int, to_index: int) -> None:
    src = editing.chapter_index(doc.pkg, chapter_id)
    if src == to_index:
        return

    def do() -> None:
        editing.move_chapter(doc.pkg, chapter_id, to_index)
        doc.notify("moved", (chapter_id, to_index))

    def undo() -> None:
        editing.move_chapter(doc.pkg, chapter_id, src)
        doc.notify("moved", (chapter_id, src))

    push(doc, Edit(doc, "Move chapter", do, undo, []))


def set_place(
    doc: EditorDocument, chapter_id: int, place: Place | None, text: str = "Place chapter"
) -> None:
    before = editing.get_place(doc.pkg, chapter_id)
    if before == place:
        return
    push(
        doc,
        Edit(
            doc,
            text if place else "Remove the chapter's place",
            lambda: editing.set_place(doc.pkg, chapter_id, place),
            lambda: editing.set_place(doc.pkg, chapter_id, before),
            [("place", chapter_id), ("chapter", chapter_id)],
        ),
    )


# -- media ----------------------------------------------------------------------------------
def set_chapter_media(doc: EditorDocument, chapter_id: int, ids: list[str], text: str) -> None:
    before = editing.chapter_media_ids(doc.pkg, chapter_id)
    if before == ids:
        return
    touched = [("media", m) for m in set(before) ^ set(ids)]
    push(
        doc,
        Edit(
            doc,
            text,
            lambda: editing.set_chapter_media(doc.pkg, chapter_id, ids),
            lambda: editing.set_chapter_media(doc.pkg, chapter_id, before),
            [("chapter_media", chapter_id), *touched],
        ),
    )
