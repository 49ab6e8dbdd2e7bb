<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ChapterEditor</name>
    <message numerus="yes">
        <source>%Ln word(s) · about %1 min</source>
        <translation>
            <numerusform>%Ln word · about %1 min</numerusform>
            <numerusform>%Ln words · about %1 min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditorWindow</name>
    <message numerus="yes">
        <source>%Ln word(s)</source>
        <translation>
            <numerusform>%Ln word</numerusform>
            <numerusform>%Ln words</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FullScreenViewer</name>
    <message numerus="yes">
        <source>Photo %1 of %n</source>
        <translation>
            <numerusform>Photo %1 of %n</numerusform>
            <numerusform>Photo %1 of %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n</source>
        <comment>the photo shown, of the chapter&apos;s photos</comment>
        <translation>
            <numerusform>%1 of %n</numerusform>
            <numerusform>%1 of %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message numerus="yes">
        <source>Importing %n file(s)…</source>
        <translation>
            <numerusform>Importing %n file…</numerusform>
            <numerusform>Importing %n files…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n file(s)</source>
        <translation>
            <numerusform>Imported %n file</numerusform>
            <numerusform>Imported %n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused:</source>
        <comment>files not imported</comment>
        <translation>
            <numerusform>%n refused:</numerusform>
            <numerusform>%n refused:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReaderWords</name>
    <message numerus="yes">
        <source>A STORY IN %n CHAPTER(S)</source>
        <comment>cover, above the title</comment>
        <extracomment>right to left for Arabic, Persian, Hebrew... (or a story of no language written so)</extracomment>
        <translation>
            <numerusform>A STORY IN %n CHAPTER</numerusform>
            <numerusform>A STORY IN %n CHAPTERS</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StoryMapView</name>
    <message numerus="yes">
        <source>%1 · %n CHAPTER(S)</source>
        <translation>
            <numerusform>%1 · %n CHAPTER</numerusform>
            <numerusform>%1 · %n CHAPTERS</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ValidationPanel</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_ImportedFiles</name>
    <message numerus="yes">
        <source>Import %n file(s)</source>
        <translation>
            <numerusform>Import %n file</numerusform>
            <numerusform>Import %n files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Words</name>
    <message numerus="yes">
        <source>Remove identifying metadata from %n medium(s)…</source>
        <translation>
            <numerusform>Remove identifying metadata from %n medium…</numerusform>
            <numerusform>Remove identifying metadata from %n media…</numerusform>
        </translation>
    </message>
</context>
</TS>
