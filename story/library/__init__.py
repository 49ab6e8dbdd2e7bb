"""The shared newsroom library: stories, their versions and media on a PostgreSQL server.

The ``.storypkg`` file stays the unit of exchange: a push stores a package as an
immutable version (its media once per library, by SHA-256, in chunks), a pull
writes a complete package back. No Qt here; the command line is ``story.cli.library``.
See docs/LIBRARY.md.
"""
