"""``validate``'s checks on the texts a reader sees, in the original and in every translation.

Each chapter's text and the about page may show only the package's own
media and link only to the web or mail (:mod:`story.text_refs` judges each
reference). A chapter's pictures are also placed by the curator (issue 13,
docs/FORMAT.md "Placing pictures"); :mod:`story.blocks` reads that syntax
and never refuses anything (an unknown title word is shown inset, four
pictures on consecutive lines are cut into rows), which keeps a chapter
readable but is not what the curator asked for: a ``text-media-placement``
warning says so, with the line. Translated texts are checked the same way,
since the reader shows them in place of the original.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from story.blocks import PLACEMENTS, ROW_MAX, Block, split_blocks, unknown_placements
from story.package.schema import TranslationRow
from story.problems import Problem
from story.text_refs import PROBLEM_CODES, MediaLookup, check_text, describe

PLACEMENT = "text-media-placement"


def _runs(blocks: list[Block]) -> list[list[Block]]:
    """Figure blocks cut from one paragraph, together (the rows continue on the next line)."""
    runs: list[list[Block]] = []
    last_line = -2
    for b in blocks:
        if not b.figures:
            last_line = -2
            continue
        if runs and b.line == last_line + 1:
            runs[-1].append(b)
        else:
            runs.append([b])
        last_line = b.figures[-1].line
    return runs


def placement_findings(md: str) -> list[tuple[int, str]]:
    """(line, message without the location) for each placement the reader will not honour."""
    words = " or ".join(f'"{w}"' for w in PLACEMENTS)
    out = [
        (line, f'the picture asks to sit "{word}", which is not a placement; '
         f"use {words} (it is shown inset)")
        for line, word in unknown_placements(md)
    ]  # fmt: skip
    for run in _runs(split_blocks(md)):
        count = sum(len(b.figures) for b in run)
        if count > ROW_MAX:
            rows = " + ".join(str(len(b.figures)) for b in run)
            out.append(
                (
                    run[0].line,
                    f"{count} pictures side by side; at most {ROW_MAX} fit in a row "
                    f"(shown in rows of {rows}); put a blank line where a row should end",
                )
            )
    return sorted(out)


def text_problems(
    md: str,
    lookup: MediaLookup,
    *,
    chapter: int | None = None,
    field: str = "body",
    language: str = "",
) -> list[Problem]:
    """Images outside the package, missing media, links that will not open, by line.

    A chapter's text also gets its pictures' placements checked; ``language`` names a
    translation's text (``field`` is then ``translation:LANG``).
    """
    out: list[Problem] = []
    where = f"chapter {chapter}" if chapter else "the about page"
    where += f" ({language})" if language else ""
    if chapter is not None:
        out += [
            Problem("warning", PLACEMENT, f"{where}, line {line}: {message}",
                    chapter=chapter, field=field, line=line)
            for line, message in placement_findings(md)
        ]  # fmt: skip
    for finding in check_text(md, lookup):
        if finding.verdict not in PROBLEM_CODES:
            continue
        code, severity = PROBLEM_CODES[finding.verdict]
        out.append(
            Problem(
                severity,
                code,
                f"{where}, line {finding.ref.line}: {describe(finding)}",
                chapter=chapter,
                field=field,
                line=finding.ref.line,
            )
        )
    return out


def translated_text_problems(
    s: Session, number: dict[int, int], lookup: MediaLookup
) -> list[Problem]:
    """The same text checks on each translation of a chapter's text and of the about page."""
    out: list[Problem] = []
    rows = s.execute(
        select(
            TranslationRow.language,
            TranslationRow.kind,
            TranslationRow.item_id,
            TranslationRow.text,
        )
        .where(
            ((TranslationRow.kind == "chapter") & (TranslationRow.field == "body_md"))
            | ((TranslationRow.kind == "story") & (TranslationRow.field == "about_md"))
        )
        .order_by(TranslationRow.language, TranslationRow.kind, TranslationRow.item_id)
    ).all()
    for language, kind, item_id, text in rows:
        field = f"translation:{language}"
        if kind == "story":
            out += text_problems(text, lookup, field=field, language=language)
        elif item_id.isdigit() and int(item_id) in number:  # an orphan row has no chapter
            chapter = number[int(item_id)]
            out += text_problems(text, lookup, chapter=chapter, field=field, language=language)
    return out
