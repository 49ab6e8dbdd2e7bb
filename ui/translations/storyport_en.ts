<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ReaderWords</name>
    <message numerus="yes">
        <source>A STORY IN %n CHAPTER(S)</source>
        <comment>cover, above the title</comment>
        <extracomment>right to left for Arabic, Persian, Hebrew... (or a story of no language written so)</extracomment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
