"""The Markdown box (issue 13): monospace that the style sheet keeps, light highlighting,
hand-broken lines given room instead of re-wrapped into a comb, Tab that moves focus."""

from __future__ import annotations

import textwrap

import pytest
from PySide6.QtGui import QFont, QFontInfo
from PySide6.QtWidgets import QPlainTextEdit

from tests.ui.test_editor_support import editor, home, window  # noqa: F401
from ui.editor.markdown_highlight import is_hard_wrapped

PARAGRAPH = (
    "Chinese railways use standard gauge, with the rails 1,435 millimetres apart. Kazakhstan's "
    "railways use the broad gauge of the former Soviet Union, 1,520 millimetres apart."
)


def test_hand_broken_text_is_told_from_one_line_paragraphs() -> None:
    assert is_hard_wrapped(textwrap.fill(PARAGRAPH, 72) + "\n\n" + textwrap.fill(PARAGRAPH, 72))
    assert not is_hard_wrapped(PARAGRAPH + "\n\n" + PARAGRAPH)
    assert not is_hard_wrapped("# Title\n\n- one\n- two\n- three")  # a list is not a paragraph


@pytest.mark.timeout(60)
def test_the_box_is_monospace_highlighted_and_gives_lines_room(qtbot, editor) -> None:  # noqa: F811
    body: QPlainTextEdit = editor.editor.body
    assert QFontInfo(body.font()).fixedPitch()  # the window's QWidget font rule no longer wins
    assert body.tabChangesFocus()
    text = "## Where\n\n" + textwrap.fill(PARAGRAPH, 72) + "\n\nSee [the yard](media:c02.jpg)."
    body.setPlainText(text)
    qtbot.wait(50)
    heading = body.document().firstBlock()
    assert any(
        f.format.fontWeight() >= QFont.Weight.Bold for f in heading.layout().formats()
    )  # the heading is set bold
    link = body.document().lastBlock()
    assert any(f.format.foreground().color().isValid() for f in link.layout().formats())
    split = editor.editor.split
    split.setSizes([200, sum(split.sizes()) - 200])
    editor.chapters.select_row(1)
    editor.chapters.select_row(0)  # opening the chapter again gives its lines room
    qtbot.waitUntil(lambda: split.sizes()[0] > 200, timeout=2000)
    assert body.lineWrapMode() == QPlainTextEdit.LineWrapMode.NoWrap  # no comb
    body.setPlainText(PARAGRAPH)
    qtbot.wait(20)
    assert body.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth
