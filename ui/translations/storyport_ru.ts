<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
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
            <numerusform></numerusform>
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
        <source>CONTENTS</source>
        <comment>heading of the table of contents</comment>
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
