"""The reader: cover, map, chapters with photos and sound, table of contents."""
