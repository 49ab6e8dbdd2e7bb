"""The package file's tables, as SQLAlchemy 2.x typed ORM classes.

These rows stay at the storage edge: the rest of the app sees the plain
records in ``story.records``. docs/FORMAT.md describes every column.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from story.package.version import APPLICATION_ID, SCHEMA_VERSION

# The format's identity is defined in story.package.version and re-exported here.
__all__ = ["APPLICATION_ID", "SCHEMA_VERSION"]


#: The tables of format 1 as the first release wrote them: a fixed fact, never edit.
FORMAT_1_TABLES = frozenset(
    {"meta", "story", "maps", "places", "chapters", "media", "chapter_media", "renditions"}
)


def all_tables() -> dict[str, Table]:
    """Every table of the current format: all are declared in this module."""
    return dict(Base.metadata.tables)


def table_since(table: Table) -> int:
    """The format version that added ``table``: ``info["since"]``, else 1 for the format-1
    tables and 2 for any other (tables added before the ``since`` convention)."""
    if "since" in table.info:
        return int(table.info["since"])
    return 1 if table.name in FORMAT_1_TABLES else 2


class Base(DeclarativeBase):
    type_annotation_map = {str: Text(), bytes: LargeBinary(), float: Float(), int: Integer()}


class Meta(Base):
    """Key/value facts about the file itself (schema version, generator)."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str]


class StoryRow(Base):
    """The one story a package holds (id is always 1)."""

    __tablename__ = "story"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    subtitle: Mapped[str] = mapped_column(default="")
    byline: Mapped[str] = mapped_column(default="")
    published: Mapped[str] = mapped_column(default="")  # ISO date, free text allowed
    language: Mapped[str] = mapped_column(String(16), default="en")
    about_md: Mapped[str] = mapped_column(default="")
    cover_media_id: Mapped[str | None] = mapped_column(
        ForeignKey("media.id", ondelete="SET NULL"), default=None
    )
    theme_json: Mapped[str] = mapped_column(default="{}")


class MapRow(Base):
    """A map of the story: a geographic basemap (GeoJSON) or a picture."""

    __tablename__ = "maps"
    id: Mapped[int] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(default=0)
    kind: Mapped[str] = mapped_column(String(16))  # "geo" | "image"
    name: Mapped[str]
    data: Mapped[bytes]  # GeoJSON (UTF-8) for geo maps
    attribution: Mapped[str] = mapped_column(default="")
    extent_json: Mapped[str] = mapped_column(default="")  # [minlon, minlat, maxlon, maxlat]


class PlaceRow(Base):
    """A place on a map: ``lat``/``lon`` on a geographic map, ``x``/``y`` (the picture's
    pixels) on a picture map; the other pair is NULL (format 3)."""

    __tablename__ = "places"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    lat: Mapped[float | None] = mapped_column(default=None)
    lon: Mapped[float | None] = mapped_column(default=None)
    x: Mapped[float | None] = mapped_column(default=None, info={"since": 3})
    y: Mapped[float | None] = mapped_column(default=None, info={"since": 3})
    map_id: Mapped[int | None] = mapped_column(
        ForeignKey("maps.id", ondelete="SET NULL"), default=None
    )


class ChapterRow(Base):
    __tablename__ = "chapters"
    id: Mapped[int] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(index=True, unique=True)  # 0..n-1, story order
    title: Mapped[str]
    summary: Mapped[str] = mapped_column(default="")
    body_md: Mapped[str] = mapped_column(default="")
    place_id: Mapped[int | None] = mapped_column(
        ForeignKey("places.id", ondelete="SET NULL"), default=None
    )
    # ISO 8601 ("2016", "2016-04", "2017-10-02", "2011-12/2012-06"); NULL: undated
    date: Mapped[str | None] = mapped_column(default=None, info={"since": 3})
    place: Mapped[PlaceRow | None] = relationship(lazy="joined")
    links: Mapped[list[ChapterMediaRow]] = relationship(
        order_by="ChapterMediaRow.position",
        cascade="all, delete-orphan",
        back_populates="chapter",
    )


class MediaRow(Base):
    """One medium, content-addressed: ``id`` is the SHA-256 of ``data``."""

    __tablename__ = "media"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))  # "image" | "audio"
    mime: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column("bytes", BigInteger)
    width: Mapped[int | None] = mapped_column(default=None)
    height: Mapped[int | None] = mapped_column(default=None)
    duration_s: Mapped[float | None] = mapped_column(default=None)
    caption: Mapped[str] = mapped_column(default="")
    credit: Mapped[str] = mapped_column(default="")
    alt: Mapped[str] = mapped_column(default="")
    licence: Mapped[str] = mapped_column(default="")
    transcript: Mapped[str] = mapped_column(default="")
    original_name: Mapped[str] = mapped_column(default="")
    removed_metadata_json: Mapped[str] = mapped_column(default="[]")
    data: Mapped[bytes] = mapped_column(deferred=True)


class ChapterMediaRow(Base):
    __tablename__ = "chapter_media"
    __table_args__ = (UniqueConstraint("chapter_id", "position"),)
    chapter_id: Mapped[int] = mapped_column(
        ForeignKey("chapters.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(primary_key=True)
    media_id: Mapped[str] = mapped_column(ForeignKey("media.id", ondelete="RESTRICT"), index=True)
    chapter: Mapped[ChapterRow] = relationship(back_populates="links")
    media: Mapped[MediaRow] = relationship(lazy="joined")


class RenditionRow(Base):
    """Derived data (display size, thumbnail, waveform peaks): rebuildable, never the only copy."""

    __tablename__ = "renditions"
    media_id: Mapped[str] = mapped_column(
        ForeignKey("media.id", ondelete="CASCADE"), primary_key=True
    )
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    mime: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes]


class MapTileRow(Base):
    """One tile of a picture map's pyramid (level 0 = full resolution)."""

    __tablename__ = "map_tiles"
    map_id: Mapped[int] = mapped_column(ForeignKey("maps.id", ondelete="CASCADE"), primary_key=True)
    level: Mapped[int] = mapped_column(Integer, primary_key=True)
    col: Mapped[int] = mapped_column(Integer, primary_key=True)
    row: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes]


class TranslationRow(Base):
    """One text of the story in another language than the original (format 4).

    ``kind`` and ``item_id`` name what is translated: ``story`` ``1``, a
    ``chapter`` id, a ``media`` id or a ``place`` id (as text); ``field`` is the
    original column (``title``, ``body_md``, ``caption``...). ``source_hash`` is
    the SHA-256 of the original text when it was translated: when the original
    no longer hashes to it, the translation is out of date.
    """

    __tablename__ = "translations"
    __table_args__ = {"info": {"since": 4}}
    language: Mapped[str] = mapped_column(String(35), primary_key=True)
    kind: Mapped[str] = mapped_column(String(8), primary_key=True)
    item_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    field: Mapped[str] = mapped_column(String(16), primary_key=True)
    text: Mapped[str]
    source_hash: Mapped[str] = mapped_column(String(64))
