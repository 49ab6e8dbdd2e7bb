"""StoryMapJS and TimelineJS stories in and out (docs/INTEROP.md).

``import FILE.json OUT.storypkg`` reads either kind (``detect``), turns its
slides or events into chapters (``storymap``, ``timeline``), its HTML into
Markdown (``html_markdown``) and writes a package through the write API
(``writer``); media beside the JSON go through the media pipeline, remote
ones are never fetched and become placeholders ``validate`` lists.
``export-json`` writes a package back as either kind (``export_json``).
"""
