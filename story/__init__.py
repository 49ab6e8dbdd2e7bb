"""The story domain and its storage: the package file, models, reading and writing.

No Qt here (enforced by import-linter, see pyproject.toml).
"""
