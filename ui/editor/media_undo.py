"""Media and map edits as undoable commands: captions, audio edits, imports, replace, delete,
basemaps (the ``Edit`` pattern of ``ui/editor/commands.py``)."""

from __future__ import annotations

from media.imported import ImportedMedia
from story.editing import audio as audio_edits
from story.editing import chapters as editing
from story.editing import media as media_edits
from story.editing import writing
from story.reading import story_info
from ui.editor.document import EditorDocument
from ui.editor.undo import Edit, push


def set_media_field(doc: EditorDocument, media_id: str, field: str, value: str) -> None:
    before = media_edits.media_text(doc.pkg, media_id)[field]
    if before == value:
        return
    label = {"alt": "alt text"}.get(field, field)
    push(
        doc,
        Edit(
            doc,
            f"Edit {label}",
            lambda: media_edits.set_media_text(doc.pkg, media_id, **{field: value}),
            lambda: media_edits.set_media_text(doc.pkg, media_id, **{field: before}),
            [("media", media_id)],
            merge_key=("media", media_id, field),
        ),
    )


def set_audio_edit(doc: EditorDocument, media_id: str, edit: audio_edits.AudioEdit) -> None:
    before = audio_edits.get_audio_edit(doc.pkg, media_id)
    if before == edit:
        return
    push(
        doc,
        Edit(
            doc,
            "Edit the recording's trim and fades",
            lambda: audio_edits.set_audio_edit(doc.pkg, media_id, edit),
            lambda: audio_edits.set_audio_edit(doc.pkg, media_id, before),
            [("audio", media_id)],
            merge_key=("audio", media_id),
        ),
    )


class _Imported(Edit):
    """Files the importer already stored (and linked): undo takes them out again, redo back."""

    def __init__(
        self,
        doc: EditorDocument,
        chapter_id: int | None,
        items: list[tuple[str, bool]],
        links_before: list[str] | None,
    ) -> None:
        self.chapter_id, self.items = chapter_id, items
        self.links_before = links_before
        self.links_after = (
            editing.chapter_media_ids(doc.pkg, chapter_id) if chapter_id is not None else None
        )
        self.snaps: dict[str, media_edits.MediaSnapshot] = {}
        n = len(items)
        super().__init__(
            doc,
            f"Import {n} file{'s' if n != 1 else ''}",
            self._again,
            self._take_out,
            [("library", None), ("chapter_media", chapter_id)],
            done_already=True,
        )

    def _take_out(self) -> None:
        if self.chapter_id is not None and self.links_before is not None:
            editing.set_chapter_media(self.doc.pkg, self.chapter_id, self.links_before)
        for media_id, new in self.items:
            if new:
                self.snaps[media_id] = media_edits.snapshot_media(self.doc.pkg, media_id)
                media_edits.delete_media(self.doc.pkg, media_id)

    def _again(self) -> None:
        for media_id, new in self.items:
            if new:
                media_edits.restore_media(self.doc.pkg, self.snaps[media_id])
        if self.chapter_id is not None and self.links_after is not None:
            editing.set_chapter_media(self.doc.pkg, self.chapter_id, self.links_after)


def imported(
    doc: EditorDocument,
    chapter_id: int | None,
    items: list[tuple[str, bool]],
    links_before: list[str] | None,
) -> None:
    """Record an import that already happened (``items``: media id, newly stored?)."""
    if items:
        push(doc, _Imported(doc, chapter_id, items, links_before))


def delete_media(doc: EditorDocument, media_id: str) -> bool:
    """Take an unused medium out of the library (refused while a chapter shows it)."""
    if any(n > 0 for n, _t in media_edits.where_used(doc.pkg, media_id)):
        return False
    snap = media_edits.snapshot_media(doc.pkg, media_id)
    audio = audio_edits.get_audio_edit(doc.pkg, media_id)
    cover = story_info(doc.pkg).cover_media_id

    def undo() -> None:
        media_edits.restore_media(doc.pkg, snap)
        audio_edits.set_audio_edit(doc.pkg, media_id, audio)
        writing.set_cover(doc.pkg, cover)

    push(
        doc,
        Edit(
            doc,
            "Delete from the library",
            lambda: media_edits.delete_media(doc.pkg, media_id),
            undo,
            [("library", None), ("story", "cover")],
        ),
    )
    return True


def replace_file(doc: EditorDocument, old_id: str, item: ImportedMedia) -> str:
    """Swap a medium's file everywhere it is used, keeping its caption, credit, alt and licence."""
    texts = media_edits.media_text(doc.pkg, old_id)
    new_id = item.sha256
    if new_id == old_id:
        return old_id
    existed = new_id in media_edits.media_ids(doc.pkg)
    new_texts = media_edits.media_text(doc.pkg, new_id) if existed else {}
    audio = audio_edits.get_audio_edit(doc.pkg, old_id)
    state: dict[str, media_edits.MediaSnapshot] = {}

    def do() -> None:
        writing.store_media(doc.pkg, item, **texts)
        media_edits.replace_links(doc.pkg, old_id, new_id)
        audio_edits.set_audio_edit(doc.pkg, new_id, audio)
        state["old"] = media_edits.snapshot_media(doc.pkg, old_id)
        media_edits.delete_media(doc.pkg, old_id)

    def undo() -> None:
        media_edits.restore_media(doc.pkg, state["old"])
        audio_edits.set_audio_edit(doc.pkg, old_id, audio)
        media_edits.replace_links(doc.pkg, new_id, old_id)
        if existed:  # it was in the library already: give it back its own texts
            media_edits.set_media_text(doc.pkg, new_id, **new_texts)
        else:
            media_edits.delete_media(doc.pkg, new_id)

    push(
        doc,
        Edit(
            doc,
            "Replace file",
            do,
            undo,
            [("replaced", (old_id, new_id)), ("library", None), ("chapter_media", None)],
        ),
    )
    return new_id


# -- maps -----------------------------------------------------------------------------------
class _AddMap(Edit):
    def __init__(
        self,
        doc: EditorDocument,
        name: str,
        data: bytes,
        extent: tuple[float, float, float, float] | None,
    ) -> None:
        self.map_id: int | None = None
        self.args = (name, data, extent)
        super().__init__(doc, f"Add map “{name}”", self._add, self._remove, [("maps", None)])

    def _add(self) -> None:
        name, data, extent = self.args
        self.map_id = writing.add_map(self.doc.pkg, kind="geo", name=name, data=data, extent=extent)

    def _remove(self) -> None:
        if self.map_id is not None:
            editing.remove_map(self.doc.pkg, self.map_id)


def add_geo_map(
    doc: EditorDocument,
    name: str,
    data: bytes,
    extent: tuple[float, float, float, float] | None = None,
) -> int:
    cmd = _AddMap(doc, name, data, extent)
    push(doc, cmd)
    assert cmd.map_id is not None
    return cmd.map_id
