"""The story map: basemap, picture maps, labels and chapter markers (see docs/MAP.md)."""
