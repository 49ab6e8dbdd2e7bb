"""The web edition: a package published as a static site (``publish``), docs/WEB.md.

``publish_web(package_path, outdir, progress=None, cancel=None) -> PublishResult``
is the one entry point; the command line, the editor and the benchmark call it.
"""

from story.publish.web.site import MARKER, PublishResult, publish_web

__all__ = ["MARKER", "PublishResult", "publish_web"]
