"""Photo import (kept for callers of the first version; the work is in ``photo_import``)."""

from media.photo_import import DISPLAY_MAX, MAX_PIXELS, THUMB_MAX, import_image

__all__ = ["DISPLAY_MAX", "MAX_PIXELS", "THUMB_MAX", "import_image"]
