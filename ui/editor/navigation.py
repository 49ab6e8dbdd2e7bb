"""Going from a problem in the checks panel to the field that has it."""

from __future__ import annotations

from typing import Protocol

from story.ids import MediaId
from story.validation import Problem
from ui.editor.chapter_editor import ChapterEditor
from ui.editor.chapter_panel import ChapterPanel
from ui.editor.media_panel import MediaPanel
from ui.editor.places import PlaceEditor
from ui.editor.story_details import StoryDetails


class Pages(Protocol):
    """What of the editor window going to a field needs (the window itself, in practice)."""

    chapters: ChapterPanel | None
    editor: ChapterEditor
    media: MediaPanel
    places: PlaceEditor
    details: StoryDetails

    def show_tab(self, i: int) -> None: ...

    def show_media(self, media_id: MediaId) -> None: ...


def go_to_problem(win: Pages, p: Problem) -> None:
    """Show the medium, the chapter (its place on the Place tab) or the story at the field."""
    if p.media_id and p.field != "cover":
        win.show_media(MediaId(p.media_id))
        win.media.details.focus_field(p.field)
        return
    if p.chapter and win.chapters is not None:
        win.chapters.select_row(p.chapter - 1)
        if p.field == "place":
            win.show_tab(3)
            win.places.search.setFocus()
        else:
            win.show_tab(1)
            win.editor.focus_field(p.field, p.line)
        return
    win.show_tab(0)
    win.details.focus_field(p.field)
