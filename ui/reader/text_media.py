"""What chapter text may show: the package's own media, and nothing from disk or network.

Qt's Markdown reader turns ``![x](/home/someone/private.png)`` into an image
that its text layout would load straight from the disk (``/dev/zero`` once
aborted the reader with ``std::bad_alloc``), and ``QTextBrowser`` would follow
``file:`` links. So the body is first read into a **quarantine** document
that never loads anything, its images and links are judged there, and only
then is it copied into the page:

- ``media:ID-or-NAME`` images become the medium's display rendition, decoded
  through the reader's :class:`ImageStore` and registered with the page's
  document under an internal ``storyport-media:<id>`` name (``addResource``);
- every other image (a path, ``file:``, ``http(s):``, ``data:``, an unknown
  medium) becomes a quiet placeholder, "[image not shown: …]";
- links keep their anchor only if they may open (``http``, ``https``,
  ``mailto``); others stay as plain text.

:class:`ReaderDocument` backs every reading view: whatever it is asked to
load, it answers from what was registered or with an empty image, never
from a file.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from story.errors import NotFoundError
from story.ids import MediaId
from story.package.file import Package
from story.reading import get_media
from story.records import MediaInfo
from story.text_refs import find_media, link_allowed, media_token
from ui.reader.images import ImageStore
from ui.theme import SANS, Palette, slants

if TYPE_CHECKING:
    from ui.reader.chapter_flow import Slot

INTERNAL_SCHEME = "storyport-media"
#: Marks placeholder text, so the reading style can be applied and found again.
PLACEHOLDER_PROPERTY = QTextFormat.Property.UserProperty + 17
IMAGE_RESOURCE = QTextDocument.ResourceType.ImageResource.value


class ReaderDocument(QTextDocument):
    """A document that loads nothing by itself: no files, no network, no ``data:`` URLs."""

    media: TextMedia | None = None  # where its ``media:`` images come from
    #: the chapter page's slots (``ui.reader.chapter_flow``), by their blocks' property
    slots: tuple[Slot, ...] = ()
    #: the numbers of the blocks drawn with an accent rule beside them (pull quotes)
    rules: tuple[int, ...] = ()

    def loadResource(self, type: int, name: QUrl | str) -> object:
        # Registered resources never reach here (QTextDocument.resource answers them).
        # A non-null answer stops Qt from trying the name as a file path.
        if type == IMAGE_RESOURCE:
            return QImage(1, 1, QImage.Format.Format_ARGB32_Premultiplied)
        return b""


class TextMedia:
    """The package's own images for chapter text: ``media:`` names resolved and decoded."""

    def __init__(self, pkg: Package, images: ImageStore) -> None:
        self._pkg = pkg
        self._images = images
        self._infos: dict[str, MediaInfo | None] = {}

    def info(self, token: str) -> MediaInfo | None:
        """The image ``token`` names (id, prefix or name), with its caption and credit."""
        if token not in self._infos:
            with self._pkg.session() as s:
                media_id, _why = find_media(s, token)
            try:
                found = get_media(self._pkg, media_id) if media_id is not None else None
            except NotFoundError:
                found = None
            self._infos[token] = found
        return self._infos[token]

    def image(self, token: str) -> tuple[MediaId | None, QImage | None, str]:
        """(id, decoded display rendition, "") or (None, None, why not)."""
        with self._pkg.session() as s:
            media_id, why = find_media(s, token)
        if media_id is None:
            return None, None, why
        image = self._images.load_now(media_id, "display")
        if image.isNull():
            return None, None, f"medium {media_id[:12]} could not be decoded"
        return media_id, image, ""


def placeholder_text(name: str, why: str = "") -> str:
    shown = name if len(name) <= 80 else name[:77] + "…"
    return f"[image not shown: {shown}{f' ({why})' if why else ''}]"


def _placeholder_format(base: QTextCharFormat) -> QTextCharFormat:
    fmt = QTextCharFormat(base)
    fmt.clearProperty(QTextFormat.Property.ImageName)
    fmt.setObjectType(QTextFormat.ObjectTypes.NoObject.value)
    fmt.setProperty(PLACEHOLDER_PROPERTY, True)
    fmt.setAnchor(False)
    fmt.setAnchorHref("")
    return fmt


def quarantine(md: str, features: QTextDocument.MarkdownFeature, parent: QObject) -> QTextDocument:
    """``md`` read into a document that cannot load anything (and is never laid out)."""
    scratch = ReaderDocument(parent)
    QTextCursor(scratch).insertMarkdown(md, features)
    return scratch


def _spans(
    doc: QTextDocument, wanted: Callable[[QTextCharFormat], bool]
) -> list[tuple[int, int, QTextCharFormat]]:
    """(position, length, format) of every run of text whose format is ``wanted``."""
    out: list[tuple[int, int, QTextCharFormat]] = []
    block = doc.begin()
    while block.isValid():
        base = block.position()
        for run in block.textFormats():  # one call per block: cheaper than its fragments
            fmt = QTextCharFormat(run.format)  # a copy: the range's own dies with the list
            if wanted(fmt):
                out.append((base + run.start, run.length, fmt))
        block = block.next()
    return out


def contain(
    scratch: QTextDocument, target: QTextDocument, media: TextMedia | None, width_px: int
) -> None:
    """Judge every image and link in ``scratch``; register own media with ``target``."""
    found = _spans(scratch, lambda f: f.isImageFormat() or f.isAnchor())
    for position, length, fmt in reversed(found):  # from the end: placeholders change lengths
        cursor = QTextCursor(scratch)
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        if fmt.isAnchor() and not link_allowed(fmt.anchorHref()):
            fmt.setAnchor(False)
            fmt.setAnchorHref("")
            cursor.setCharFormat(fmt)
        if not fmt.isImageFormat():
            continue
        image_fmt = fmt.toImageFormat()
        name = image_fmt.name()
        token = media_token(name)
        why = ""
        if token is not None:
            media_id, image, why = media.image(token) if media else (None, None, "no package")
            if media_id is not None and image is not None:
                key = QUrl(f"{INTERNAL_SCHEME}:{media_id}")
                target.addResource(IMAGE_RESOURCE, key, image)
                shown = min(image.width(), width_px)
                image_fmt.setName(key.toString())
                image_fmt.setWidth(shown)
                image_fmt.setHeight(shown * image.height() / max(1, image.width()))
                cursor.setCharFormat(image_fmt)
                continue
        cursor.insertText(placeholder_text(name, why), _placeholder_format(fmt))


def finish_styles(doc: QTextDocument, palette: Palette, scale: float) -> None:
    """After the reading style: links in the accent colour and underlined, placeholders quiet."""
    link = QTextCharFormat()
    link.setForeground(QColor(palette.accent))
    link.setFontUnderline(True)
    quiet = QTextCharFormat()
    quiet.setForeground(QColor(palette.muted))
    font = QFont(SANS)
    font.setPixelSize(round(14 * scale))
    font.setItalic(True)
    quiet.setFont(
        font, QTextCharFormat.FontPropertiesInheritanceBehavior.FontPropertiesSpecifiedOnly
    )
    spans = [
        (position, length, link if fmt.isAnchor() else quiet)
        for position, length, fmt in _spans(
            doc, lambda f: f.isAnchor() or f.hasProperty(PLACEHOLDER_PROPERTY)
        )
    ]
    for position, length, style in spans:  # formats only: positions do not move
        cursor = QTextCursor(doc)
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(style)


def char_format(
    family: str,
    px: int,
    color: str,
    *,
    weight: int = 400,
    italic: bool = False,
    spacing: float = 100.0,
) -> QTextCharFormat:
    fmt = QTextCharFormat()
    font = QFont(family)
    font.setPixelSize(px)
    font.setWeight(QFont.Weight(weight))
    font.setItalic(italic)
    font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, spacing)
    fmt.setFont(font)
    fmt.setForeground(QColor(color))
    return fmt


def upright_emphasis(doc: QTextDocument, block: QTextBlock) -> None:
    """*Emphasis* in Chinese or Arabic set in weight, not slanted (those scripts have no
    italics; Qt would shear the glyphs)."""
    spans = []
    it = block.begin()
    while not it.atEnd():
        frag = it.fragment()
        if frag.isValid() and frag.charFormat().fontItalic() and not slants(frag.text()):
            spans.append((frag.position(), frag.length()))
        it += 1
    for start, length in spans:
        cursor = QTextCursor(doc)
        cursor.setPosition(start)
        cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
        upright = QTextCharFormat()
        upright.setFontItalic(False)
        upright.setFontWeight(QFont.Weight.Bold)  # a one-weight CJK face gets a synthetic bold
        cursor.mergeCharFormat(upright)
