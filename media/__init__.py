"""Pillow and pydub work: probing, import, renditions, audio analysis.

No Qt and no SQLAlchemy here (enforced by import-linter, see pyproject.toml).
"""
