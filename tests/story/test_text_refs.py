"""Chapter text points only at the package's own media: scanning, judging, validate, build."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from story.package.file import open_package
from story.publish.build import SourceError, build_package
from story.text_refs import check_text, link_allowed, media_token, package_lookup, scan
from story.validation import validate

ROOT = Path(__file__).resolve().parents[2]


def make_source(
    folder: Path, body: str = "Text.", color: tuple[int, int, int] = (20, 90, 200)
) -> Path:
    """A source folder: one chapter showing ``media/dot.png`` (declared in its front matter)."""
    (folder / "chapters").mkdir(parents=True)
    (folder / "media").mkdir()
    Image.new("RGB", (64, 48), color).save(folder / "media" / "dot.png")
    (folder / "story.toml").write_text('title = "Steppe"\n', encoding="utf-8")
    (folder / "chapters" / "01-port.md").write_text(
        "+++\n"
        'title = "Port"\n'
        "[[media]]\n"
        'file = "media/dot.png"\n'
        'alt = "A blue dot"\n'
        'credit = "Me"\n'
        "+++\n"
        f"{body}\n",
        encoding="utf-8",
    )
    return folder


def package_with_body(tmp_path: Path, body: str) -> Path:
    """A built package whose chapter 1 text is then set to ``body``, as a stranger could."""
    out = build_package(make_source(tmp_path / "src"), tmp_path / "s.storypkg")
    with sqlite3.connect(out) as db:
        db.execute("UPDATE chapters SET body_md = ? WHERE position = 0", (body,))
    db.close()
    return out


def test_scan_finds_images_and_links_with_their_lines() -> None:
    md = (
        "Intro ![a](/home/someone/private.png) and [b](file:///etc/passwd)\n"
        "\n"
        "`![not](code)` <https://example.org/x> www.example.com\n"
        "```\n"
        "![not](fenced)\n"
        "```\n"
        "[![inner](media:dot.png)](https://example.org)\n"
        "![ref][r] [mail](mailto:a@example.org)\n"
        "\n"
        "[r]: data:image/png;base64,AAAA\n"
    )
    got = [(r.kind, r.target, r.line) for r in scan(md)]
    assert got == [
        ("image", "/home/someone/private.png", 1),
        ("link", "file:///etc/passwd", 1),
        ("link", "https://example.org/x", 3),
        ("link", "http://www.example.com", 3),
        ("link", "https://example.org", 7),
        ("image", "media:dot.png", 7),
        ("image", "data:image/png;base64,AAAA", 8),
        ("link", "mailto:a@example.org", 8),
    ]


def test_link_rule_and_media_tokens() -> None:
    for ok in ("https://example.org/a", "http://example.org", "mailto:a@example.org"):
        assert link_allowed(ok), ok
    for bad in (
        "file:///etc/passwd",
        "javascript:alert(1)",
        "ftp://example.org/x",
        "chapters/02.md",
        "#top",
        "media:dot.png",
        "https://bank.example@evil.example/",
        "https:///nohost",
        "data:text/html,x",
    ):
        assert not link_allowed(bad), bad
    assert media_token("media:my%20file.png") == "my file.png"
    assert media_token("MEDIA:abc") == "abc"
    assert media_token("/home/x.png") is None


def test_media_resolve_by_name_id_and_prefix(tmp_path: Path) -> None:
    out = build_package(make_source(tmp_path / "src"), tmp_path / "s.storypkg")
    with open_package(out) as pkg:
        lookup = package_lookup(pkg)
        ((mid, _),) = [lookup("dot.png")]
        assert mid is not None and len(mid) == 64
        assert lookup(mid) == (mid, "")
        assert lookup(mid[:8].upper()) == (mid, "")
        assert lookup(mid[:7])[0] is None  # too short a prefix, and no such name
        assert lookup("nothing.png")[0] is None
        verdicts = [f.verdict for f in check_text("![a](media:dot.png) ![b](media:x.png)", lookup)]
        assert verdicts == ["own-media", "missing-media"]


def test_validate_reports_outside_images_missing_media_and_bad_links(tmp_path: Path) -> None:
    body = (
        "First line.\n"
        "![x](/home/someone/private.png)\n"
        "![z](/dev/zero) ![u](file:///etc/hostname)\n"
        "![fine](media:dot.png) ![gone](media:nothing.png)\n"
        "[open](https://example.org) [no](file:///etc/passwd)\n"
    )
    out = package_with_body(tmp_path, body)
    with open_package(out) as pkg:
        problems = [p for p in validate(pkg) if p.code.startswith("text-")]
    got = sorted((p.severity, p.code, p.chapter, p.field, p.line) for p in problems)
    assert got == [
        ("error", "text-missing-media", 1, "body", 4),
        ("error", "text-outside-image", 1, "body", 2),
        ("error", "text-outside-image", 1, "body", 3),
        ("error", "text-outside-image", 1, "body", 3),
        ("warning", "text-link-scheme", 1, "body", 5),
    ]
    assert any("/home/someone/private.png" in p.message for p in problems)


def test_a_clean_text_has_no_text_problems(tmp_path: Path) -> None:
    out = package_with_body(tmp_path, "![fine](media:dot.png) [open](https://example.org)")
    with open_package(out) as pkg:
        assert [p for p in validate(pkg) if p.code.startswith("text-")] == []


def test_build_refuses_a_path_in_chapter_text_naming_file_and_line(tmp_path: Path) -> None:
    src = make_source(tmp_path / "src", body="Fine.\n\n![dot](media/dot.png)")
    with pytest.raises(SourceError) as caught:
        build_package(src, tmp_path / "s.storypkg")
    message = str(caught.value)
    assert f"{src / 'chapters' / '01-port.md'}:10:" in message  # 7 lines of front matter
    assert "media/dot.png" in message and "media:" in message
    assert not (tmp_path / "s.storypkg").exists()


def test_build_accepts_media_by_name(tmp_path: Path) -> None:
    src = make_source(tmp_path / "src", body="![dot](media:dot.png)")
    assert build_package(src, tmp_path / "s.storypkg").is_file()


def test_validate_command_names_chapter_and_line(tmp_path: Path) -> None:
    out = package_with_body(tmp_path, "Intro.\n\n![x](/home/someone/private.png)\n")
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "validate", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert done.returncode == 1, done.stderr
    line = next(ln for ln in done.stdout.splitlines() if "text-outside-image" in ln)
    assert "chapter 1, line 3" in line and "/home/someone/private.png" in line


def test_scan_stays_linear_on_a_long_text_full_of_links() -> None:
    # Blanking each match by copying the text made this quadratic (hours at the 5 MB cap).
    line = "See [a](https://example.org/x) ![i](/home/p.png) `c` <https://a.org> www.b.org\n"
    refs = scan(line * 12_000)  # ~1 MB, 48,000 references (the code span is none)
    assert len(refs) == 48_000 and refs[-1].line == 12_000
