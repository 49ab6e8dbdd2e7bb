"""The curator's editor: build and edit a story package, every edit undoable and saved at once."""
