<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Touch the screen to begin</source>
        <extracomment>About 25 frames a second: the move is slow (about 20 px a second at 1920 px wide). The cross-fade between two slides, in seconds. How far a slide zooms over its time (1.0 to ZOOM). media id -&gt; decoded image (None when it cannot be had)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A STORY IN %n CHAPTERS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CHAPTER {n} OF {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MarkerGroup</source>
        <comment>Chapter %1: %2. Place: %3</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MarkerGroup</source>
        <comment>chapter %1: %2</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>MarkerGroup</source>
        <comment>%1, chapters: %2</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AudioBar</name>
    <message>
        <source>Play / pause (Space)</source>
        <extracomment>The title column is never narrower than this, the waveform never narrower than that.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position in the recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vol</source>
        <comment>volume, abbreviated</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChapterEditor</name>
    <message>
        <source>Chapter title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One line the map and the contents show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the chapter in Markdown: # heading, *italic*, **bold**, &gt; quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chapter text (Markdown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a chapter with the + button, or Ctrl+Shift+N.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the first chapter</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln word(s) · about %1 min</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Chapter %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChapterMediaStrip</name>
    <message>
        <source>The chapter&apos;s photos and recordings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PHOTOS AND SOUND</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from this chapter (stays in the library)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import files into this chapter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove media from the chapter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditorWindow</name>
    <message>
        <source>Storyport Editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chapter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln word(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Untitled story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview: this is what readers see. F5 goes back to editing.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>Preparing the Khorgos story for its first reading…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FullScreenViewer</name>
    <message>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gallery</name>
    <message>
        <source>Click for full screen (F)</source>
        <extracomment>A caption is never set narrower than this (a portrait photo may be much narrower).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Opening</name>
    <message>
        <source>Untitled story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1. Everything you do is saved as you go.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgraded %1 to the current format; the old file is at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1 read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New story package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Story packages (*.storypkg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a story package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export a compact copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported a compact copy: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is on a read-only medium: read it, or edit a copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit a copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying %1 to %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing a copy of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The copy could not be made: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaceEditor</name>
    <message>
        <source>Search the map&apos;s place names, Enter to place the chapter there</source>
        <extracomment>A click this close to a basemap place takes its name. Besides renumbering, what changes the markers, the map list or the chapter&apos;s place.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search place names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the Central Asia basemap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a chapter to place it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not placed yet: click the map or search a place name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>x %1, y %2 (pixels of the picture)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place chapter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No place called “%1” on the map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename place</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <source>The map is not available in this build.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReaderWords</name>
    <message numerus="yes">
        <source>A STORY IN %n CHAPTER(S)</source>
        <comment>cover, above the title</comment>
        <extracomment>right to left for Arabic, Persian, Hebrew... (or a story of no language written so)</extracomment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Start reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explore the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About this story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cover: %1</source>
        <comment>accessible name</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chapter %1 of %2</source>
        <comment>above a chapter&apos;s title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chapter %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <comment>top bar: the chapter shown of how many</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contents</source>
        <comment>top bar button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cover</source>
        <comment>top bar button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map</source>
        <comment>top bar button</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <comment>chapter</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <comment>chapter</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the import after the file in hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>ready to publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no chapters yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is open read-only: another Storyport is editing it. You can read, preview and export; edits are off.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoryMapView</name>
    <message>
        <source>Story map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab moves between chapter markers, Enter opens one; arrows pan, plus and minus zoom.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The map cannot be shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The map “%1” cannot be shown. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This story has no map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chapters at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CHAPTER %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n CHAPTER(S)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Click to choose a chapter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Story map, marker %1 of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThumbStrip</name>
    <message>
        <source>Photo %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, shown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TocModel</name>
    <message>
        <source>current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>visited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chapter %1: %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TocPanel</name>
    <message>
        <source>CONTENTS</source>
        <extracomment>The item padding of ``#Toc QListView::item`` in ui/theme.py (horizontal, vertical).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table of contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About this story</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Table of contents (T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the cover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The map (M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous chapter (Left, Page Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next chapter (Right, Page Down)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
