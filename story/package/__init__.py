"""The .storypkg file: its tables, the hostile-file guard, the lock, migrations and blobs.

Nothing here is imported by this ``__init__``: the reader's first paint imports
``story.package.version`` without SQLAlchemy (docs/PERFORMANCE.md).
"""
