"""The placement syntax: a chapter's Markdown cut into text, figures, rows and pull quotes."""

from __future__ import annotations

import time

from story.blocks import PLACEMENTS, placed_tokens, split_blocks, unknown_placements


def kinds(md: str) -> list[tuple[str, int]]:
    return [(b.kind, b.line) for b in split_blocks(md)]


def test_a_lone_image_is_an_inset_figure_and_full_asks_for_the_page_width() -> None:
    md = (
        "Intro line.\n"
        "\n"
        "![Cranes](media:cranes.jpg)\n"
        "\n"
        '![Yard](media:yard.jpg "full")\n'
        "\n"
        "![Gate](<media:dusk at the gate.jpg> 'inset')\n"
        "\n"
        "Outro."
    )
    blocks = split_blocks(md)
    assert [(b.kind, b.line) for b in blocks] == [
        ("text", 1),
        ("figure", 3),
        ("figure", 5),
        ("figure", 7),
        ("text", 9),
    ]
    assert blocks[1].figures[0].alt == "Cranes"
    assert (blocks[1].placement, blocks[2].placement, blocks[3].placement) == (
        "inset",
        "full",
        "inset",
    )
    assert blocks[3].tokens == ("dusk at the gate.jpg",)
    assert PLACEMENTS == ("inset", "full")


def test_two_or_three_images_in_one_paragraph_stand_side_by_side() -> None:
    md = "![a](media:a.jpg)\n![b](media:b.jpg)\n\n![c](media:c)\n![d](media:d)\n![e](media:e)"
    blocks = split_blocks(md)
    assert [(b.kind, b.tokens, b.line) for b in blocks] == [
        ("figures", ("a.jpg", "b.jpg"), 1),
        ("figures", ("c", "d", "e"), 4),
    ]
    # more than three are cut into even rows
    four = "\n".join(f"![x](media:m{i})" for i in range(4))
    assert [b.tokens for b in split_blocks(four)] == [("m0", "m1"), ("m2", "m3")]


def test_an_image_among_words_stays_in_the_text() -> None:
    md = "The yard ![a](media:a.jpg) at dusk.\n\n![b](media:b.jpg) and words"
    assert kinds(md) == [("text", 1)]
    assert placed_tokens(md) == []


def test_images_in_code_and_outside_images_are_not_figures() -> None:
    md = (
        "```\n"
        "![a](media:a.jpg)\n"
        "\n"
        "![b](media:b.jpg)\n"
        "```\n"
        "\n"
        "`![c](media:c.jpg)`\n"
        "\n"
        "    ![d](media:d.jpg)\n"
        "\n"
        "![e](https://example.org/e.jpg)\n"
        "\n"
        "\\![f](media:f.jpg)"
    )
    assert kinds(md) == [("text", 1)]
    assert split_blocks(md)[0].text == md


def test_a_blockquote_is_a_pull_quote_with_its_attribution() -> None:
    md = (
        "Before.\n\n"
        "> The port is where the rails change gauge.\n"
        "> — A crane operator\n\n"
        "> No attribution here.\n"
        "> -- but this one has one\n\n"
        "> Just words.\n"
        "> — \n"
    )
    blocks = split_blocks(md)
    assert [(b.kind, b.line) for b in blocks] == [
        ("text", 1),
        ("quote", 3),
        ("quote", 6),
        ("quote", 9),
    ]
    assert blocks[1].text == "The port is where the rails change gauge."
    assert blocks[1].attribution == "A crane operator"
    assert blocks[2].attribution == "but this one has one"
    assert blocks[3].attribution == ""
    assert blocks[3].text == "Just words.\n— "


def test_other_title_words_are_inset_and_reported_with_their_line() -> None:
    md = 'Text.\n\n![a](media:a "left")\n\n![b](media:b "FULL")\n\n![c](media:c "Crane")'
    blocks = split_blocks(md)
    assert [b.placement for b in blocks[1:]] == ["inset", "full", "inset"]
    assert unknown_placements(md) == [(3, "left"), (7, "Crane")]


def test_paragraphs_of_text_stay_together_and_references_reach_every_text_block() -> None:
    md = "- one\n\n- two\n\n![a](media:a)\n\nSee [the port][p].\n\n[p]: https://example.org/p"
    blocks = split_blocks(md)
    assert [(b.kind, b.line) for b in blocks] == [("text", 1), ("figure", 5), ("text", 7)]
    assert blocks[0].text.startswith("- one\n\n- two")
    assert blocks[0].text.endswith("[p]: https://example.org/p")
    assert blocks[2].text.count("[p]: https://example.org/p") == 2
    assert split_blocks("") == []
    assert split_blocks("one\r\n\r\n![a](media:a)")[1].line == 3


def test_hostile_sizes_stay_linear() -> None:
    md = "\n\n".join(["![a](media:a)", "> q", "text `x"] * 20_000)
    started = time.perf_counter()
    blocks = split_blocks(md)
    assert time.perf_counter() - started < 5
    assert len(blocks) == 60_000
