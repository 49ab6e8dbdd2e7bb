"""Making packages and handing them on: build from a source folder, export, the bundled story."""
