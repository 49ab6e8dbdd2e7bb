"""The Markdown box (issue 13): monospace that the style sheet keeps, light highlighting (media
references with their placement word, pull quotes), hand-broken lines given room instead of
re-wrapped into a comb, Tab that moves focus."""

from __future__ import annotations

import textwrap

import pytest
from PySide6.QtGui import QColor, QFont, QFontInfo, QTextCharFormat
from PySide6.QtWidgets import QPlainTextEdit

from tests.ui.test_editor_support import editor, home, window  # noqa: F401
from ui.editor.markdown_highlight import MarkdownHighlighter, is_hard_wrapped
from ui.schemes import Palette

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


def _format_at(box: QPlainTextEdit, line: int, column: int) -> QTextCharFormat:
    """The highlighter's format for the character at ``column`` of ``line`` (0-based)."""
    block = box.document().findBlockByNumber(line)
    found = QTextCharFormat()
    for r in block.layout().formats():
        if r.start <= column < r.start + r.length:
            found = QTextCharFormat(r.format)  # a copy: the range is a temporary
    return found


def test_placements_and_pull_quotes_are_told_apart(qtbot) -> None:
    palette = Palette()
    box = QPlainTextEdit()
    qtbot.addWidget(box)
    highlighter = MarkdownHighlighter(box.document(), palette)
    lines = [
        '![Yard](media:yard.jpg "full")',
        "![Cranes](media:cranes.jpg 'left')",
        'See [the port](https://example.org) and ![i](media:icon.png "The gate sign").',
        "> The containers do not care which gauge they ride on.",
        "> -- Yerlan, crane operator",
    ]
    box.setPlainText("\n".join(lines))
    highlighter.rehighlight()
    accent, warning, muted = (
        QColor(c) for c in (palette.accent_text, palette.warning, palette.muted)
    )

    token = _format_at(box, 0, lines[0].index("media:") + 2)
    assert token.fontUnderline() and token.foreground().color() == accent
    full = _format_at(box, 0, lines[0].index("full"))
    assert full.fontWeight() >= QFont.Weight.Bold and full.foreground().color() == accent
    left = _format_at(box, 1, lines[1].index("left"))
    assert left.foreground().color() == warning
    assert left.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    link = _format_at(box, 2, lines[2].index("the port"))
    assert link.foreground().color() == accent and not link.fontUnderline()  # links differ
    inline = _format_at(box, 2, lines[2].index("media:") + 2)
    assert inline.fontUnderline()
    tooltip = _format_at(box, 2, lines[2].index("gate sign"))  # an inline picture's title
    assert tooltip.underlineStyle() != QTextCharFormat.UnderlineStyle.WaveUnderline
    assert tooltip.fontWeight() < QFont.Weight.Bold

    mark = _format_at(box, 3, 0)
    assert mark.foreground().color() == accent and mark.fontWeight() >= QFont.Weight.Bold
    words = _format_at(box, 3, 5)
    assert words.fontItalic() and words.foreground().color() == muted
    assert words.fontWeight() < QFont.Weight.Bold
    attribution = _format_at(box, 4, 6)
    assert attribution.fontItalic() and attribution.fontWeight() >= QFont.Weight.Bold
