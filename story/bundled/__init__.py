"""The bundled story's content: Markdown, TOML and the code that draws and composes its media.

Content, not domain: only ``story.publish.bundled`` (which builds the bundled
package) imports it; an import-linter contract in pyproject.toml says so.
"""
