"""One entry point for importing any file a curator brings: photo or recording."""

from __future__ import annotations

from pathlib import Path

from media.imported import (
    CancelCheck,
    Cancelled,
    ImportedMedia,
    ImportOptions,
    MediaError,
    Progress,
    check_cancelled,
)
from media.sniff import HEAD_BYTES, sniff, sniff_kind

__all__ = ["import_file", "sniff_kind"]


def import_file(
    path: str | Path,
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    options: ImportOptions | None = None,
) -> ImportedMedia:
    """Import ``path`` as an image or audio file, deciding by its bytes.

    Raises ``MediaError`` (one line: file name and reason) for anything that
    cannot be imported, and ``Cancelled`` when ``cancelled()`` turned true.
    """
    path = Path(path)
    if not path.exists():
        raise MediaError(path, "no such file")
    if not path.is_file():
        raise MediaError(path, "not a regular file")
    try:
        with path.open("rb") as fh:
            head = fh.read(HEAD_BYTES)
    except OSError as exc:
        raise MediaError(path, f"cannot be read ({exc.strerror or exc})") from None
    if not head:
        raise MediaError(path, "the file is empty (0 bytes)")
    found = sniff(head)
    if found is None:
        raise MediaError(
            path,
            "not a photo or a recording Storyport can read (its contents match no known format)",
        )
    check_cancelled(cancelled)
    try:
        if found.kind == "image":
            from media.photo_import import import_image

            return import_image(path, progress=progress, cancelled=cancelled, options=options)
        from media.audio_import import import_audio

        return import_audio(
            path, found.format, progress=progress, cancelled=cancelled, options=options
        )
    except (MediaError, Cancelled):
        raise
    except MemoryError:
        raise MediaError(path, "not enough memory to import it") from None
    except Exception as exc:  # a bug or an unforeseen library error: still one clear line
        detail = str(exc).splitlines()[0][:120] if str(exc) else ""
        raise MediaError(
            path, f"could not be imported ({type(exc).__name__}{': ' + detail if detail else ''})"
        ) from None
