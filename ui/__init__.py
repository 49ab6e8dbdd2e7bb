"""PySide6: the reader, the editor, the map, item models, background tasks.

The only place Qt lives.
"""
