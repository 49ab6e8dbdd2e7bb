"""Maps: geographic basemaps, their projection, and picture maps."""
