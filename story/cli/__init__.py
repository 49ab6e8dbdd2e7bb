"""The command line's headless commands (no Qt)."""
