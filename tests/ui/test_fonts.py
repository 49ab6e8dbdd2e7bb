"""Type for every script: no boxes with only the fonts Storyport ships and the set-up installs.

Every string of every translation, and the bundled story's texts in every
language, are laid out in the interface face (Inter) and the reading face
(Noto Serif) in a Python whose fontconfig sees only the bundled fonts and the
set-up's font packages (fonts-dejavu-core, fonts-wqy-microhei). Each character
must get a real glyph (not glyph 0, the box), from the font chosen for its
script: WenQuanYi Micro Hei for Chinese, Noto Arabic for Arabic script, Noto
Hebrew for Hebrew, our faces (or DejaVu for a symbol they lack) for the rest.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ui.reader.text import render_markdown
from ui.theme import Palette, load_fonts

ROOT = Path(__file__).resolve().parents[2]
SETUP_FONT_PACKAGES = ("fonts-dejavu-core", "fonts-wqy-microhei")

#: Texts no catalogue holds yet that a story may: every Kazakh letter, Uyghur, Persian, Hebrew.
SAMPLES = [
    "ӘәҒғҚқҢңӨөҰұҮүҺһІі — Қорғас шекарасы",
    "قورغاس چېگرىسى — ئۇيغۇرچە",
    "خورغوس: قصة الحدود ١٢٣",
    "مرز خورگوس، پژوهش ۱۴۰۵",
    "סיפור הגבול",
    "霍尔果斯国际边境合作中心",
]

PROBE = r"""
import json, sys, unicodedata
from PySide6.QtGui import QFont, QTextLayout
from PySide6.QtWidgets import QApplication
app = QApplication([])
from ui.theme import SANS, SERIF, load_fonts
load_fonts()
texts = json.load(open(sys.argv[1], encoding="utf-8"))
bad = []
for family in (SANS, SERIF):
    font = QFont(family)
    font.setPixelSize(18)
    for text in texts:
        layout = QTextLayout(text, font)
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(1e6)
        layout.endLayout()
        for i, ch in enumerate(text):
            if unicodedata.category(ch)[0] in "ZC" or ch in "\u200b\u200c\u200d\ufe0f":
                continue
            runs = layout.glyphRuns(i, 1)
            got = [(r.rawFont().familyName(), list(r.glyphIndexes())) for r in runs]
            if not got or any(0 in g for _, g in got):
                bad.append([family, ch, hex(ord(ch)), "box", [f for f, _ in got], text[:40]])
                continue
            bad.extend([family, ch, hex(ord(ch)), f, text[:40]] for f, _ in got)
print(json.dumps(bad, ensure_ascii=False))
"""


def _script_ok(ch: str, family: str) -> bool:
    o = ord(ch)
    if 0x4E00 <= o <= 0x9FFF or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF:
        return family.startswith("WenQuanYi Micro Hei")
    if 0x0600 <= o <= 0x06FF or 0xFB50 <= o <= 0xFEFF:
        return family.startswith("Noto") and "Arabic" in family
    if 0x0590 <= o <= 0x05FF:
        return family.startswith("Noto") and "Hebrew" in family
    return family in {"Inter", "Noto Serif", "DejaVu Sans", "DejaVu Serif"} or (
        family.startswith(("Noto Sans Arabic", "Noto Naskh Arabic", "WenQuanYi"))
        and not ch.isalpha()  # digits and punctuation inside another script's run
    )


def _strings() -> list[str]:
    out: set[str] = set(SAMPLES)
    for ts in sorted((ROOT / "ui" / "translations").glob("*.ts")):
        for m in ET.parse(ts).getroot().iter("message"):
            texts = [m.findtext("source") or ""]
            texts += [t.text or "" for t in m.iter("translation") if t.text]
            texts += [f.text or "" for f in m.iter("numerusform")]
            for t in texts:
                out.update(part for part in t.replace("&", "").split("\n") if part.strip())
    bundled = ROOT / "story" / "bundled"
    for path in sorted(bundled.rglob("*")):
        if path.suffix in (".md", ".toml") and path.is_file():
            for line in path.read_text("utf-8").splitlines():
                line = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", line).strip()
                if line:
                    out.add(line[:400])
    return sorted(out)


def _setup_only_fontconfig(tmp: Path) -> Path:
    """A fontconfig that sees the set-up's font packages and nothing else of the system's."""
    if shutil.which("dpkg") is None:
        pytest.skip("needs dpkg to list the set-up's font packages")
    folder = tmp / "fonts"
    folder.mkdir()
    for package in SETUP_FONT_PACKAGES:
        listed = subprocess.run(["dpkg", "-L", package], capture_output=True, text=True)
        if listed.returncode != 0:
            pytest.skip(f"{package} is not installed (scripts/setup.sh installs it)")
        for name in listed.stdout.splitlines():
            p = Path(name)
            if p.suffix.lower() in (".ttf", ".ttc", ".otf") and p.is_file():
                (folder / p.name).symlink_to(p)
    conf = tmp / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f"  <dir>{folder}</dir>\n  <cachedir>{tmp / 'fc-cache'}</cachedir>\n</fontconfig>\n",
        "utf-8",
    )
    return conf


@pytest.mark.timeout(300)
def test_every_string_in_every_language_has_its_glyphs(tmp_path: Path) -> None:
    texts = _strings()
    assert any("\u4e00" <= c <= "\u9fff" for t in texts for c in t)  # Chinese is in there
    assert any("қ" in t for t in texts)  # and Kazakh
    (tmp_path / "texts.json").write_text(json.dumps(texts, ensure_ascii=False), "utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "FONTCONFIG_FILE": str(_setup_only_fontconfig(tmp_path)),
    }
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "texts.json")],
        capture_output=True, text=True, timeout=280, env=env, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    boxes = [b for b in found if b[3] == "box"]
    assert not boxes, f"{len(boxes)} characters without a glyph, e.g. {boxes[:10]}"
    wrong = sorted({(b[0], b[1], b[3]) for b in found if not _script_ok(b[1], b[3])})
    assert not wrong, f"characters set in a font not chosen for them: {wrong[:20]}"


def test_chinese_standfirsts_and_subtitles_are_not_slanted(qtbot) -> None:
    """CJK has no italics: Qt would shear the glyphs. Weight and colour carry the difference."""
    from PySide6.QtGui import QTextDocument

    load_fonts()
    for standfirst, slanted in (("一个边境口岸的早晨", False), ("A morning at the port", True)):
        doc = QTextDocument()
        render_markdown(doc, "正文。", Palette(), title="标题", standfirst=standfirst)
        block = doc.begin().next()  # title, then the standfirst
        assert block.text() == standfirst
        assert block.begin().fragment().charFormat().font().italic() is slanted


def test_the_cover_subtitle_is_upright_in_chinese(qtbot) -> None:
    from story.records import StoryInfo
    from ui.reader.cover import CoverPage

    load_fonts()
    cover = CoverPage()
    qtbot.addWidget(cover)
    info = StoryInfo("霍尔果斯", "四种语言相遇的地方", "", "", "zh", "", None, 3)
    cover.set_story(info, 3)
    assert not cover.subtitle.font().italic()
    cover.set_story(StoryInfo("Khorgos", "Where four languages meet", "", "", "en", "", None, 3), 3)
    assert cover.subtitle.font().italic()


def test_chinese_emphasis_is_bold_not_slanted(qtbot) -> None:
    from PySide6.QtGui import QFont, QTextDocument

    load_fonts()
    doc = QTextDocument()
    render_markdown(doc, "列车在这里*换到宽轨*，and *this* stays italic.", Palette())
    formats = {}
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            formats[frag.text()] = frag.charFormat()
            it += 1
        block = block.next()
    assert not formats["换到宽轨"].fontItalic()
    assert formats["换到宽轨"].fontWeight() >= QFont.Weight.Bold
    assert formats["this"].fontItalic()
