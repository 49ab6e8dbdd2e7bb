"""Media and map edits as undo steps: captions, audio edits, imports, replace, delete,
basemaps (the ``Edit`` pattern of ``ui/editor/undo.py``, kept apart to keep each module small)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from media.imported import ImportedMedia
from story.editing import audio as audio_edits
from story.editing import maps
from story.editing import media as media_edits
from story.editing.story import set_cover
from story.ids import ChapterId, MapId, MediaId
from story.reading import story_info
from ui.editor.document import Change, EditorDocument, Notice
from ui.editor.undo import Edit, push


def set_media_field(doc: EditorDocument, media_id: MediaId, field: str, value: str) -> None:
    before = media_edits.media_text(doc.pkg, media_id)[field]
    if before == value:
        return
    texts = {  # whole sentences for the translations
        "caption": QCoreApplication.translate("Edit", "Edit caption"),
        "credit": QCoreApplication.translate("Edit", "Edit credit"),
        "alt": QCoreApplication.translate("Edit", "Edit alt text"),
        "licence": QCoreApplication.translate("Edit", "Edit licence"),
        "transcript": QCoreApplication.translate("Edit", "Edit transcript"),
    }
    push(
        doc,
        Edit(
            doc,
            texts.get(field) or QCoreApplication.translate("Edit", "Edit the medium"),
            lambda: media_edits.set_media_text(doc.pkg, media_id, **{field: value}),
            lambda: media_edits.set_media_text(doc.pkg, media_id, **{field: before}),
            [Notice(Change.MEDIA, media=media_id)],
            merge_key=("media", media_id, field),
        ),
    )


def set_audio_edit(doc: EditorDocument, media_id: MediaId, edit: audio_edits.AudioEdit) -> None:
    before = audio_edits.get_audio_edit(doc.pkg, media_id)
    if before == edit:
        return
    push(
        doc,
        Edit(
            doc,
            QCoreApplication.translate("Edit", "Edit the recording's trim and fades"),
            lambda: audio_edits.set_audio_edit(doc.pkg, media_id, edit),
            lambda: audio_edits.set_audio_edit(doc.pkg, media_id, before),
            [Notice(Change.AUDIO, media=media_id)],
            merge_key=("audio", media_id),
        ),
    )


class _ImportedFiles(Edit):
    """Files the importer already stored (and linked): undo takes them out again, redo back."""

    def tr(self, text: str, disambiguation: str = "", n: int = -1) -> str:
        return QCoreApplication.translate("_ImportedFiles", text, disambiguation, n)

    def __init__(
        self,
        doc: EditorDocument,
        chapter_id: ChapterId | None,
        items: list[tuple[MediaId, bool]],
        links_before: list[MediaId] | None,
    ) -> None:
        self.chapter_id, self.items = chapter_id, items
        self.links_before = links_before
        self.links_after = (
            media_edits.chapter_media_ids(doc.pkg, chapter_id) if chapter_id is not None else None
        )
        self.snaps: dict[MediaId, media_edits.MediaSnapshot] = {}
        n = len(items)
        super().__init__(
            doc,
            self.tr("Import %n file(s)", "", n),
            self._again,
            self._take_out,
            [Notice(Change.LIBRARY), Notice(Change.CHAPTER_MEDIA, chapter=chapter_id)],
            done_already=True,
        )

    def _take_out(self) -> None:
        if self.chapter_id is not None and self.links_before is not None:
            media_edits.set_chapter_media(self.doc.pkg, self.chapter_id, self.links_before)
        for media_id, new in self.items:
            if new:
                self.snaps[media_id] = media_edits.snapshot_media(self.doc.pkg, media_id)
                media_edits.delete_media(self.doc.pkg, media_id)

    def _again(self) -> None:
        for media_id, new in self.items:
            if new:
                media_edits.restore_media(self.doc.pkg, self.snaps[media_id])
        if self.chapter_id is not None and self.links_after is not None:
            media_edits.set_chapter_media(self.doc.pkg, self.chapter_id, self.links_after)


def imported(
    doc: EditorDocument,
    chapter_id: ChapterId | None,
    items: list[tuple[MediaId, bool]],
    links_before: list[MediaId] | None,
) -> None:
    """Record an import that already happened (``items``: media id, newly stored?)."""
    if items:
        push(doc, _ImportedFiles(doc, chapter_id, items, links_before))


def delete_media(doc: EditorDocument, media_id: MediaId) -> bool:
    """Take an unused medium out of the library (refused while a chapter shows it)."""
    if any(n > 0 for n, _t in media_edits.where_used(doc.pkg, media_id)):
        return False
    snap = media_edits.snapshot_media(doc.pkg, media_id)
    audio = audio_edits.get_audio_edit(doc.pkg, media_id)
    cover = story_info(doc.pkg).cover_media_id

    def undo() -> None:
        media_edits.restore_media(doc.pkg, snap)
        audio_edits.set_audio_edit(doc.pkg, media_id, audio)
        set_cover(doc.pkg, cover)

    push(
        doc,
        Edit(
            doc,
            QCoreApplication.translate("Edit", "Delete from the library"),
            lambda: media_edits.delete_media(doc.pkg, media_id),
            undo,
            [Notice(Change.LIBRARY), Notice(Change.STORY, field="cover")],
        ),
    )
    return True


def replace_file(doc: EditorDocument, old_id: MediaId, item: ImportedMedia) -> MediaId:
    """Swap a medium's file everywhere it is used, keeping its caption, credit, alt and licence."""
    texts = media_edits.media_text(doc.pkg, old_id)
    new_id = MediaId(item.sha256)
    if new_id == old_id:
        return old_id
    existed = new_id in media_edits.media_ids(doc.pkg)
    new_texts = media_edits.media_text(doc.pkg, new_id) if existed else {}
    audio = audio_edits.get_audio_edit(doc.pkg, old_id)
    state: dict[str, media_edits.MediaSnapshot] = {}  # "old": the replaced medium

    def do() -> None:
        media_edits.store_media(doc.pkg, item, **texts)
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
            QCoreApplication.translate("Edit", "Replace file"),
            do,
            undo,
            [
                Notice(Change.REPLACED, media=old_id, replacement=new_id),
                Notice(Change.LIBRARY),
                Notice(Change.CHAPTER_MEDIA),
            ],
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
        self.map_id: MapId | None = None
        self.args = (name, data, extent)
        text = QCoreApplication.translate("Edit", "Add map “%1”").replace("%1", name)
        super().__init__(doc, text, self._add, self._remove, [Notice(Change.MAPS)])

    def _add(self) -> None:
        name, data, extent = self.args
        self.map_id = maps.add_map(self.doc.pkg, kind="geo", name=name, data=data, extent=extent)

    def _remove(self) -> None:
        if self.map_id is not None:
            maps.remove_map(self.doc.pkg, self.map_id)


def add_geo_map(
    doc: EditorDocument,
    name: str,
    data: bytes,
    extent: tuple[float, float, float, float] | None = None,
) -> MapId:
    step = _AddMap(doc, name, data, extent)
    push(doc, step)
    assert step.map_id is not None
    return step.map_id
