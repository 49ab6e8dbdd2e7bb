<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <source>Storyport Editor</source>
        <extracomment>lupdate reads translate(&quot;Actions&quot;, ...) calls; the texts are made when the window is. The tab actions, in tab order. Actions that change the story: off while it is open read-only. Actions that need an open story.</extracomment>
        <translation>Storyport 编辑器</translation>
    </message>
    <message>
        <source>Every edit is saved as you make it; Ctrl+Z undoes it.
F5 previews the story in the reader.</source>
        <translation>每次编辑都会立即保存；Ctrl+Z 可撤销。
F5 在阅读器中预览故事。</translation>
    </message>
    <message>
        <source>&amp;New story…</source>
        <translation>新建故事(&amp;N)…</translation>
    </message>
    <message>
        <source>Create a new story package</source>
        <translation>创建新的故事包</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a story package</source>
        <translation>打开故事包</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Open from &amp;library…</source>
        <translation>从资料库打开(&amp;L)…</translation>
    </message>
    <message>
        <source>Pull a story from the newsroom&apos;s shared library</source>
        <translation>从编辑部的共享资料库拉取故事</translation>
    </message>
    <message>
        <source>&amp;Push to library…</source>
        <translation>推送到资料库(&amp;P)…</translation>
    </message>
    <message>
        <source>Store this story as a new version in the shared library</source>
        <translation>将此故事作为新版本存入共享资料库</translation>
    </message>
    <message>
        <source>&amp;Import media…</source>
        <translation>导入媒体(&amp;I)…</translation>
    </message>
    <message>
        <source>Import photos and recordings</source>
        <translation>导入照片和录音</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>&amp;Export compact copy…</source>
        <translation>导出精简副本(&amp;E)…</translation>
    </message>
    <message>
        <source>Write a compact copy for distribution</source>
        <translation>写出用于分发的精简副本</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Add chapter</source>
        <translation>添加章节(&amp;A)</translation>
    </message>
    <message>
        <source>Add a chapter after this one</source>
        <translation>在此章之后添加一章</translation>
    </message>
    <message>
        <source>Chapter</source>
        <translation>章节</translation>
    </message>
    <message>
        <source>D&amp;uplicate chapter</source>
        <translation>复制章节(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Delete chapter</source>
        <translation>删除章节(&amp;D)</translation>
    </message>
    <message>
        <source>Re&amp;name chapter</source>
        <translation>重命名章节(&amp;N)</translation>
    </message>
    <message>
        <source>Move chapter &amp;up</source>
        <translation>章节上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move chapter do&amp;wn</source>
        <translation>章节下移(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Preview in the reader</source>
        <translation>在阅读器中预览(&amp;P)</translation>
    </message>
    <message>
        <source>Switch to the reader at this chapter and back (F5)</source>
        <translation>在此章切换到阅读器并返回（F5）</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>&amp;Translations…</source>
        <translation>翻译(&amp;T)…</translation>
    </message>
    <message>
        <source>The story&apos;s texts in other languages, beside the original</source>
        <translation>故事在其他语言中的文本，与原文并列</translation>
    </message>
    <message>
        <source>&amp;About the editor</source>
        <translation>关于编辑器(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Story</source>
        <translation>故事(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Chapter</source>
        <translation>章节(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Media</source>
        <translation>媒体(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>地点(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
</context>
<context>
    <name>AudioBar</name>
    <message>
        <source>Play / pause (K)</source>
        <extracomment>The title column is never narrower than this, the waveform never narrower than that.</extracomment>
        <translation>播放 / 暂停（K）</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Position in the recording</source>
        <translation>录音中的位置</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <source>Vol</source>
        <comment>volume, abbreviated</comment>
        <translation>音量</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>声音</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
</context>
<context>
    <name>AudioPanel</name>
    <message>
        <source>Play the kept part</source>
        <translation>播放保留的部分</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Trim start</source>
        <translation>裁剪开头</translation>
    </message>
    <message>
        <source>Trim end</source>
        <translation>裁剪结尾</translation>
    </message>
    <message>
        <source>Fade in</source>
        <translation>淡入</translation>
    </message>
    <message>
        <source>Fade out</source>
        <translation>淡出</translation>
    </message>
    <message>
        <source>s</source>
        <comment>seconds</comment>
        <translation>秒</translation>
    </message>
    <message>
        <source>What is said in the recording, for readers who cannot listen</source>
        <translation>录音中所说的内容，供无法收听的读者阅读</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>文字稿</translation>
    </message>
</context>
<context>
    <name>ChapterDateField</name>
    <message>
        <source>When it happens: 2016, 2016-04, 2017-10-02 or a range 2011-12/2012-06 (blank: undated)</source>
        <translation>发生时间：2016、2016-04、2017-10-02 或时间段 2011-12/2012-06（留空：无日期）</translation>
    </message>
    <message>
        <source>Undated (e.g. 2016-04)</source>
        <translation>无日期（例如 2016-04）</translation>
    </message>
    <message>
        <source>Chapter date</source>
        <translation>章节日期</translation>
    </message>
</context>
<context>
    <name>ChapterEditor</name>
    <message>
        <source>Chapter title</source>
        <translation>章节标题</translation>
    </message>
    <message>
        <source>One line the map and the contents show</source>
        <translation>地图和目录中显示的一行文字</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Write the chapter in Markdown: # heading, *italic*, **bold**, &gt; quote</source>
        <translation>用 Markdown 撰写本章：# 标题、*斜体*、**粗体**、&gt; 引文</translation>
    </message>
    <message>
        <source>Chapter text (Markdown)</source>
        <translation>章节正文（Markdown）</translation>
    </message>
    <message>
        <source>Live preview</source>
        <translation>实时预览</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Add a chapter with the + button, or Ctrl+Shift+N.</source>
        <translation>用 + 按钮或 Ctrl+Shift+N 添加一章。</translation>
    </message>
    <message>
        <source>Add the first chapter</source>
        <translation>添加第一章</translation>
    </message>
    <message numerus="yes">
        <source>%Ln word(s) · about %1 min</source>
        <translation>
            <numerusform>%Ln 个词 · 约 %1 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>Chapter %1</source>
        <translation>第 %1 章</translation>
    </message>
</context>
<context>
    <name>ChapterListModel</name>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>no place yet</source>
        <translation>尚无地点</translation>
    </message>
    <message>
        <source>Chapter %1: %2</source>
        <translation>第 %1 章：%2</translation>
    </message>
</context>
<context>
    <name>ChapterListView</name>
    <message>
        <source>Chapters</source>
        <translation>章节</translation>
    </message>
</context>
<context>
    <name>ChapterMap</name>
    <message>
        <source>Map of this chapter&apos;s place</source>
        <extracomment>The page&apos;s width from which the map sits beside the text (narrower: text alone). The map&apos;s share of the page, within these bounds. How long after a turn the map is first made.</extracomment>
        <translation>本章地点的地图</translation>
    </message>
</context>
<context>
    <name>ChapterMediaModel</name>
    <message>
        <source>Reorder the chapter&apos;s media</source>
        <translation>调整本章媒体的顺序</translation>
    </message>
    <message>
        <source>Add media to the chapter</source>
        <translation>向本章添加媒体</translation>
    </message>
</context>
<context>
    <name>ChapterMediaStrip</name>
    <message>
        <source>The chapter&apos;s photos and recordings</source>
        <translation>本章的照片和录音</translation>
    </message>
    <message>
        <source>PHOTOS AND SOUND</source>
        <translation>照片与声音</translation>
    </message>
    <message>
        <source>Move earlier</source>
        <translation>前移</translation>
    </message>
    <message>
        <source>Move later</source>
        <translation>后移</translation>
    </message>
    <message>
        <source>Remove from this chapter (stays in the library)</source>
        <translation>从本章移除（仍保留在媒体库中）</translation>
    </message>
    <message>
        <source>Import files into this chapter</source>
        <translation>将文件导入本章</translation>
    </message>
    <message>
        <source>Remove media from the chapter</source>
        <translation>从本章移除媒体</translation>
    </message>
</context>
<context>
    <name>ChapterPanel</name>
    <message>
        <source>CHAPTERS</source>
        <translation>章节</translation>
    </message>
    <message>
        <source>Add a chapter after this one</source>
        <translation>在此章之后添加一章</translation>
    </message>
    <message>
        <source>Duplicate this chapter</source>
        <translation>复制此章</translation>
    </message>
    <message>
        <source>Delete this chapter</source>
        <translation>删除此章</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
</context>
<context>
    <name>Cleaner</name>
    <message>
        <source>Removing identifying metadata…</source>
        <translation>正在移除可识别身份的元数据…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Medium %1 of %2: %3</source>
        <translation>第 %1 个，共 %2 个：%3</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>未做任何更改：%1</translation>
    </message>
</context>
<context>
    <name>Edit</name>
    <message>
        <source>Edit caption</source>
        <translation>编辑说明</translation>
    </message>
    <message>
        <source>Edit credit</source>
        <translation>编辑署名</translation>
    </message>
    <message>
        <source>Edit alt text</source>
        <translation>编辑替代文本</translation>
    </message>
    <message>
        <source>Edit licence</source>
        <translation>编辑许可</translation>
    </message>
    <message>
        <source>Edit transcript</source>
        <translation>编辑文字稿</translation>
    </message>
    <message>
        <source>Edit the medium</source>
        <translation>编辑媒体</translation>
    </message>
    <message>
        <source>Edit the recording&apos;s trim and fades</source>
        <translation>编辑录音的裁剪和淡入淡出</translation>
    </message>
    <message>
        <source>Delete from the library</source>
        <translation>从媒体库删除</translation>
    </message>
    <message>
        <source>Replace file</source>
        <translation>替换文件</translation>
    </message>
    <message>
        <source>Add map “%1”</source>
        <translation>添加地图“%1”</translation>
    </message>
    <message>
        <source>Edit the story&apos;s title</source>
        <translation>编辑故事标题</translation>
    </message>
    <message>
        <source>Edit the story&apos;s subtitle</source>
        <translation>编辑故事副标题</translation>
    </message>
    <message>
        <source>Edit the story&apos;s byline</source>
        <translation>编辑故事署名</translation>
    </message>
    <message>
        <source>Edit the story&apos;s date</source>
        <translation>编辑故事日期</translation>
    </message>
    <message>
        <source>Edit the story&apos;s language</source>
        <translation>编辑故事语言</translation>
    </message>
    <message>
        <source>Edit the story&apos;s about text</source>
        <translation>编辑故事简介</translation>
    </message>
    <message>
        <source>Edit the story</source>
        <translation>编辑故事</translation>
    </message>
    <message>
        <source>Set the cover</source>
        <translation>设置封面</translation>
    </message>
    <message>
        <source>Clear the cover</source>
        <translation>清除封面</translation>
    </message>
    <message>
        <source>Edit the chapter&apos;s text</source>
        <translation>编辑章节正文</translation>
    </message>
    <message>
        <source>Rename chapter</source>
        <translation>重命名章节</translation>
    </message>
    <message>
        <source>Edit the chapter&apos;s summary</source>
        <translation>编辑章节摘要</translation>
    </message>
    <message>
        <source>Date the chapter</source>
        <translation>设置章节日期</translation>
    </message>
    <message>
        <source>Remove the chapter&apos;s date</source>
        <translation>移除章节日期</translation>
    </message>
    <message>
        <source>New chapter</source>
        <translation>新章节</translation>
    </message>
    <message>
        <source>Add chapter</source>
        <translation>添加章节</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <source>Duplicate chapter</source>
        <translation>复制章节</translation>
    </message>
    <message>
        <source>Delete chapter “%1”</source>
        <translation>删除章节“%1”</translation>
    </message>
    <message>
        <source>Move chapter</source>
        <translation>移动章节</translation>
    </message>
    <message>
        <source>Place chapter</source>
        <translation>为章节设置地点</translation>
    </message>
    <message>
        <source>Remove the chapter&apos;s place</source>
        <translation>移除章节地点</translation>
    </message>
    <message>
        <source>Edit a translation</source>
        <extracomment>How long typing may pause before the translation is committed (one undo step per burst).</extracomment>
        <translation>编辑译文</translation>
    </message>
    <message>
        <source>Clear a translation</source>
        <translation>清除译文</translation>
    </message>
    <message>
        <source>Mark a translation up to date</source>
        <translation>将译文标为最新</translation>
    </message>
</context>
<context>
    <name>EditorWindow</name>
    <message>
        <source>Storyport Editor</source>
        <translation>Storyport 编辑器</translation>
    </message>
    <message>
        <source>Story</source>
        <translation>故事</translation>
    </message>
    <message>
        <source>Chapter</source>
        <translation>章节</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>媒体</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message numerus="yes">
        <source>%Ln word(s)</source>
        <translation>
            <numerusform>%Ln 个词</numerusform>
        </translation>
    </message>
    <message>
        <source>Untitled story</source>
        <translation>无标题故事</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销(&amp;U) %1</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做(&amp;R) %1</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Back to editing</source>
        <translation>返回编辑</translation>
    </message>
    <message>
        <source>Preview: this is what readers see. F5 goes back to editing.</source>
        <translation>预览：这就是读者看到的样子。按 F5 返回编辑。</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>Preparing the Khorgos story for its first reading…</source>
        <translation>正在为首次阅读准备霍尔果斯的故事…</translation>
    </message>
</context>
<context>
    <name>FullScreenViewer</name>
    <message>
        <source>Photo</source>
        <extracomment>Space between the controls and the window&apos;s edges.</extracomment>
        <translation>照片</translation>
    </message>
    <message>
        <source>Photo viewer</source>
        <translation>照片查看器</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Previous photo</source>
        <translation>上一张照片</translation>
    </message>
    <message>
        <source>Next photo</source>
        <translation>下一张照片</translation>
    </message>
    <message numerus="yes">
        <source>Photo %1 of %n</source>
        <translation>
            <numerusform>第 %1 张照片，共 %n 张</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n</source>
        <comment>the photo shown, of the chapter&apos;s photos</comment>
        <translation>
            <numerusform>第 %1 张，共 %n 张</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gallery</name>
    <message>
        <source>Click for full screen (F)</source>
        <extracomment>A caption is never set narrower than this (a portrait photo may be much narrower).</extracomment>
        <translation>点击全屏查看（F）</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Photos and recordings</source>
        <translation>照片和录音</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <source>An import is running; wait for it or cancel it first.</source>
        <translation>正在导入；请等待完成或先取消。</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n file(s)…</source>
        <translation>
            <numerusform>正在导入 %n 个文件…</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopping after this file…</source>
        <translation>处理完此文件后停止…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n file(s)</source>
        <translation>
            <numerusform>已导入 %n 个文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused:</source>
        <comment>files not imported</comment>
        <translation>
            <numerusform>%n 个被拒绝：</numerusform>
        </translation>
    </message>
    <message>
        <source>Import photos and recordings</source>
        <translation>导入照片和录音</translation>
    </message>
    <message>
        <source>Replace the file</source>
        <translation>替换文件</translation>
    </message>
    <message>
        <source>Replaced with %1</source>
        <translation>已替换为 %1</translation>
    </message>
    <message>
        <source>Not replaced: %1</source>
        <translation>未替换：%1</translation>
    </message>
</context>
<context>
    <name>InsertMedia</name>
    <message>
        <source>Insert media…</source>
        <translation>插入媒体…</translation>
    </message>
    <message>
        <source>Show one of the package&apos;s images in the text (%1)</source>
        <translation>在正文中显示包内的一张图片（%1）</translation>
    </message>
</context>
<context>
    <name>Kiosk</name>
    <message>
        <source>Touch the screen to begin</source>
        <extracomment>About 25 frames a second: the move is slow (about 20 px a second at 1920 px wide). The cross-fade between two slides, in seconds. How far a slide zooms over its time (1.0 to ZOOM). media id -&gt; decoded image (None when it cannot be had) what the loop asks of a visitor (in the interface&apos;s language)</extracomment>
        <translation>触摸屏幕开始</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>Interface &amp;language</source>
        <translation>界面语言(&amp;L)</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>The interface will be in %1 from the next start.</source>
        <translation>下次启动时界面将使用%1。</translation>
    </message>
</context>
<context>
    <name>Library</name>
    <message>
        <source>No password here: it comes from ~/.pgpass or PGPASSWORD</source>
        <translation>此处不填密码：密码来自 ~/.pgpass 或 PGPASSWORD</translation>
    </message>
    <message>
        <source>&amp;Library:</source>
        <translation>资料库(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>LibraryLink</name>
    <message>
        <source>Listing…</source>
        <translation>正在获取列表…</translation>
    </message>
    <message>
        <source>Choose a story and where to save it.</source>
        <translation>请选择一个故事及其保存位置。</translation>
    </message>
    <message>
        <source>Pulling %1…</source>
        <translation>正在拉取 %1…</translation>
    </message>
    <message>
        <source>Opened %1 version %2 from the library</source>
        <translation>已从资料库打开 %1 的第 %2 版</translation>
    </message>
    <message>
        <source>not in the library yet</source>
        <translation>资料库中还没有</translation>
    </message>
    <message>
        <source>nobody holds it</source>
        <translation>无人持有</translation>
    </message>
    <message>
        <source>held by %1</source>
        <translation>由 %1 持有</translation>
    </message>
    <message>
        <source>Pushing %1…</source>
        <translation>正在推送 %1…</translation>
    </message>
    <message>
        <source>Pushed %1 version %2 to the library (%3 media sent, %4 already there)</source>
        <translation>已将 %1 的第 %2 版推送到资料库（发送了 %3 个媒体文件，%4 个已在库中）</translation>
    </message>
</context>
<context>
    <name>LibraryWatch</name>
    <message>
        <source>%1 pushed version %2 of %3 to the library: File &gt; Open from library… to see it</source>
        <extracomment>the open document it follows</extracomment>
        <translation>%1 已将 %3 的第 %2 版推送到资料库：要查看，请选择“文件 &gt; 从资料库打开…”</translation>
    </message>
    <message>
        <source>%1 took the lock on %2 in the library</source>
        <translation>%1 在资料库中锁定了 %2</translation>
    </message>
    <message>
        <source>%1 released the lock on %2</source>
        <translation>%1 解除了对 %2 的锁定</translation>
    </message>
</context>
<context>
    <name>LinkOpener</name>
    <message>
        <source>a relative address</source>
        <extracomment>ask(parent, url, where) -&gt; whether the person wants to go there</extracomment>
        <translation>相对地址</translation>
    </message>
    <message>
        <source>not opened (%1 links do not open)</source>
        <translation>未打开（%1 链接不会打开）</translation>
    </message>
    <message>
        <source>mail to %1</source>
        <translation>发邮件至 %1</translation>
    </message>
    <message>
        <source>Open a link</source>
        <translation>打开链接</translation>
    </message>
    <message>
        <source>This link goes to %1.</source>
        <translation>此链接指向 %1。</translation>
    </message>
</context>
<context>
    <name>MarkerAccessible</name>
    <message>
        <source>%1, chapter %2</source>
        <extracomment>objectName of the viewport whose interface lists the markers</extracomment>
        <translation>%1，第 %2 章</translation>
    </message>
    <message>
        <source>%1, %n chapters</source>
        <translation>%1，%n 章</translation>
    </message>
</context>
<context>
    <name>MarkerGroup</name>
    <message>
        <source>Chapter %1: %2. Place: %3</source>
        <translation>第 %1 章：%2。地点：%3</translation>
    </message>
    <message>
        <source>chapter %1: %2</source>
        <translation>第 %1 章：%2</translation>
    </message>
    <message>
        <source>%1, chapters: %2</source>
        <comment>a place on the map and its chapters</comment>
        <translation>%1，章节：%2</translation>
    </message>
</context>
<context>
    <name>MediaChooser</name>
    <message>
        <source>Insert media</source>
        <extracomment>Where an inserted picture sits: its own paragraph (text-column width or the page&apos;s), or on the line after the row of the picture above the cursor.</extracomment>
        <translation>插入媒体</translation>
    </message>
    <message>
        <source>The package&apos;s images</source>
        <translation>包内的图片</translation>
    </message>
    <message>
        <source>Where it sits</source>
        <translation>摆放位置</translation>
    </message>
    <message>
        <source>&amp;Inset, as wide as the text</source>
        <translation>嵌入正文，与正文同宽(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Full width</source>
        <translation>全宽(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Side by side with the previous picture</source>
        <translation>与上一张图片并排(&amp;S)</translation>
    </message>
    <message>
        <source>No picture above the cursor with room beside it (three at most)</source>
        <translation>光标上方没有旁边还有空位的图片（每行最多三张）</translation>
    </message>
    <message>
        <source>Show one of the package&apos;s images in the text:</source>
        <translation>在正文中显示包内的一张图片：</translation>
    </message>
</context>
<context>
    <name>MediaDetails</name>
    <message>
        <source>Choose a photo or recording</source>
        <translation>请选择一张照片或一段录音</translation>
    </message>
    <message>
        <source>Removed on import</source>
        <translation>导入时已移除</translation>
    </message>
    <message>
        <source>Used in</source>
        <translation>用于</translation>
    </message>
    <message>
        <source>Replace file…</source>
        <translation>替换文件…</translation>
    </message>
    <message>
        <source>Swap in another file; caption, credit, alt text and licence stay</source>
        <translation>换用另一个文件；说明、署名、替代文本和许可保持不变</translation>
    </message>
    <message>
        <source>Use as cover</source>
        <translation>用作封面</translation>
    </message>
    <message>
        <source>Delete from library</source>
        <translation>从媒体库删除</translation>
    </message>
    <message>
        <source>Only media no chapter shows can be deleted</source>
        <translation>只能删除没有任何章节使用的媒体</translation>
    </message>
    <message>
        <source>%1 × %2 px</source>
        <translation>%1 × %2 像素</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>nothing (no metadata found)</source>
        <translation>无（未发现元数据）</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>封面</translation>
    </message>
    <message>
        <source>no chapter yet</source>
        <translation>尚未用于任何章节</translation>
    </message>
    <message>
        <source>Cover ✓</source>
        <translation>封面 ✓</translation>
    </message>
</context>
<context>
    <name>MediaImporter</name>
    <message>
        <source>could not be stored (%1)</source>
        <translation>无法保存（%1）</translation>
    </message>
    <message>
        <source>the import stopped: %1</source>
        <translation>导入已停止：%1</translation>
    </message>
</context>
<context>
    <name>MediaPanel</name>
    <message>
        <source>Media library</source>
        <translation>媒体库</translation>
    </message>
    <message>
        <source>LIBRARY</source>
        <translation>媒体库</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <source>Media details</source>
        <translation>媒体详情</translation>
    </message>
</context>
<context>
    <name>OpenDialog</name>
    <message>
        <source>Open from library</source>
        <translation>从资料库打开</translation>
    </message>
    <message>
        <source>&amp;List stories</source>
        <translation>列出故事(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Story:</source>
        <translation>故事(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Save as:</source>
        <translation>另存为(&amp;S)：</translation>
    </message>
    <message>
        <source>%1: %2 (version %3)</source>
        <translation>%1：%2（第 %3 版）</translation>
    </message>
    <message>
        <source> — locked by %1</source>
        <translation>，已被 %1 锁定</translation>
    </message>
    <message>
        <source>The library holds no stories yet.</source>
        <translation>资料库中还没有故事。</translation>
    </message>
    <message>
        <source>Save the story as</source>
        <translation>将故事另存为</translation>
    </message>
    <message>
        <source>Story packages (*.storypkg)</source>
        <translation>故事包 (*.storypkg)</translation>
    </message>
</context>
<context>
    <name>Opening</name>
    <message>
        <source>Untitled story</source>
        <translation>无标题故事</translation>
    </message>
    <message>
        <source>Created %1. Everything you do is saved as you go.</source>
        <translation>已创建 %1。您的每一步操作都会即时保存。</translation>
    </message>
    <message>
        <source>Upgraded %1 to the current format; the old file is at %2</source>
        <translation>已将 %1 升级到当前格式；旧文件位于 %2</translation>
    </message>
    <message>
        <source>Opened %1 read-only</source>
        <translation>已以只读方式打开 %1</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>New story package</source>
        <translation>新的故事包</translation>
    </message>
    <message>
        <source>Story packages (*.storypkg)</source>
        <translation>故事包 (*.storypkg)</translation>
    </message>
    <message>
        <source>Open a story package</source>
        <translation>打开故事包</translation>
    </message>
    <message>
        <source>Export a compact copy</source>
        <translation>导出精简副本</translation>
    </message>
    <message>
        <source>No recent stories</source>
        <translation>没有最近的故事</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Exported a compact copy: %1</source>
        <translation>已导出精简副本：%1</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>%1 is on a read-only medium: read it, or edit a copy</source>
        <translation>%1 位于只读介质上：可以阅读，或编辑其副本</translation>
    </message>
    <message>
        <source>Edit a copy</source>
        <translation>编辑副本</translation>
    </message>
    <message>
        <source>Copying %1 to %2…</source>
        <translation>正在将 %1 复制到 %2…</translation>
    </message>
    <message>
        <source>Copying…</source>
        <translation>正在复制…</translation>
    </message>
    <message>
        <source>Editing a copy of %1: %2</source>
        <translation>正在编辑 %1 的副本：%2</translation>
    </message>
    <message>
        <source>The copy could not be made: %1</source>
        <translation>无法创建副本：%1</translation>
    </message>
</context>
<context>
    <name>PlaceEditor</name>
    <message>
        <source>Search the map&apos;s place names, Enter to place the chapter there</source>
        <extracomment>A click this close to a basemap place takes its name. Besides renumbering, what changes the markers, the map list or the chapter&apos;s place.</extracomment>
        <translation>搜索地图上的地名，按 Enter 将本章放在该处</translation>
    </message>
    <message>
        <source>Search place names</source>
        <translation>搜索地名</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>Place name</source>
        <translation>地名</translation>
    </message>
    <message>
        <source>Remove place</source>
        <translation>移除地点</translation>
    </message>
    <message>
        <source>Add the Central Asia basemap</source>
        <translation>添加中亚底图</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Map %1</source>
        <translation>地图 %1</translation>
    </message>
    <message>
        <source>Choose a chapter to place it.</source>
        <translation>请选择要放置的章节。</translation>
    </message>
    <message>
        <source>Not placed yet: click the map or search a place name.</source>
        <translation>尚未放置：点击地图或搜索地名。</translation>
    </message>
    <message>
        <source>x %1, y %2 (pixels of the picture)</source>
        <translation>x %1，y %2（图片像素）</translation>
    </message>
    <message>
        <source>Move place</source>
        <translation>移动地点</translation>
    </message>
    <message>
        <source>Place chapter</source>
        <translation>为章节设置地点</translation>
    </message>
    <message>
        <source>No place called “%1” on the map.</source>
        <translation>地图上没有名为“%1”的地点。</translation>
    </message>
    <message>
        <source>Rename place</source>
        <translation>重命名地点</translation>
    </message>
</context>
<context>
    <name>ProblemModel</name>
    <message>
        <source>error</source>
        <extracomment>Rows shown at once: a story with thousands of problems lists the first ones (errors first).</extracomment>
        <translation>错误</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>%1: %2. Click to go to the field that fixes it.</source>
        <translation>%1：%2。点击前往可修正它的字段。</translation>
    </message>
</context>
<context>
    <name>PublishRun</name>
    <message>
        <source>Publishing the web edition…</source>
        <extracomment>Steps of the progress bar (publish_web reports done/total; this is its resolution).</extracomment>
        <translation>正在发布网页版…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Publish web edition</source>
        <translation>发布网页版</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Publishing the web edition: %1</source>
        <translation>正在发布网页版：%1</translation>
    </message>
    <message>
        <source>Web edition not published</source>
        <translation>网页版未发布</translation>
    </message>
    <message>
        <source>The web edition was not published: %1</source>
        <translation>网页版未发布：%1</translation>
    </message>
    <message>
        <source>Publish web edition: choose where its folder goes</source>
        <translation>发布网页版：选择其文件夹的位置</translation>
    </message>
    <message>
        <source>Publishing cancelled; nothing was written.</source>
        <translation>已取消发布；未写入任何内容。</translation>
    </message>
    <message>
        <source>Web edition published: open %1</source>
        <translation>网页版已发布：请打开 %1</translation>
    </message>
</context>
<context>
    <name>PushDialog</name>
    <message>
        <source>Push to library</source>
        <translation>推送到资料库</translation>
    </message>
    <message>
        <source>&amp;Story:</source>
        <translation>故事(&amp;S)：</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>改动了什么</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>消息(&amp;M)：</translation>
    </message>
    <message>
        <source>Lock:</source>
        <translation>锁定：</translation>
    </message>
    <message>
        <source>&amp;Push</source>
        <translation>推送(&amp;P)</translation>
    </message>
</context>
<context>
    <name>ReadOnlyOffer</name>
    <message>
        <source>Open read-only or edit a copy</source>
        <translation>以只读方式打开或编辑副本</translation>
    </message>
    <message>
        <source>“%1” cannot be edited where it is.</source>
        <translation>无法在原位置编辑“%1”。</translation>
    </message>
    <message>
        <source>Its folder cannot be written (%1). You can read it here, with the editor read-only, or save a copy somewhere else and edit that.</source>
        <translation>无法写入其所在文件夹（%1）。您可以在此以只读方式在编辑器中阅读，或将副本保存到别处再编辑。</translation>
    </message>
    <message>
        <source>Read it</source>
        <translation>阅读</translation>
    </message>
    <message>
        <source>Edit a copy…</source>
        <translation>编辑副本…</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <source>The map is not available in this build.</source>
        <translation>此版本中没有地图功能。</translation>
    </message>
</context>
<context>
    <name>ReaderWords</name>
    <message numerus="yes">
        <source>A STORY IN %n CHAPTER(S)</source>
        <comment>cover, above the title</comment>
        <extracomment>right to left for Arabic, Persian, Hebrew... (or a story of no language written so)</extracomment>
        <translation>
            <numerusform>共 %n 章的故事</numerusform>
        </translation>
    </message>
    <message>
        <source>Start reading</source>
        <translation>开始阅读</translation>
    </message>
    <message>
        <source>Explore the map</source>
        <translation>浏览地图</translation>
    </message>
    <message>
        <source>About this story</source>
        <translation>关于这个故事</translation>
    </message>
    <message>
        <source>Cover: %1</source>
        <comment>accessible name</comment>
        <translation>封面：%1</translation>
    </message>
    <message>
        <source>Chapter %1 of %2</source>
        <comment>above a chapter&apos;s title</comment>
        <translation>第 %1 章，共 %2 章</translation>
    </message>
    <message>
        <source>Chapter %1</source>
        <translation>第 %1 章</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <comment>top bar: the chapter shown of how many</comment>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Contents</source>
        <comment>top bar button</comment>
        <translation>目录</translation>
    </message>
    <message>
        <source>Cover</source>
        <comment>top bar button</comment>
        <translation>封面</translation>
    </message>
    <message>
        <source>Map</source>
        <comment>top bar button</comment>
        <translation>地图</translation>
    </message>
    <message>
        <source>Previous</source>
        <comment>chapter</comment>
        <translation>上一章</translation>
    </message>
    <message>
        <source>Next</source>
        <comment>chapter</comment>
        <translation>下一章</translation>
    </message>
</context>
<context>
    <name>SoundBlock</name>
    <message>
        <source>Play the chapter&apos;s sound</source>
        <extracomment>Side-by-side photos stack when a cell would be narrower than this. Space between photos in a row, and between a photo and its caption. A photo is never taller than this share of the page&apos;s height (portraits stay sane). A caption is never set narrower than this (a portrait photo may be much narrower).</extracomment>
        <translation>播放本章的声音</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>声音</translation>
    </message>
    <message>
        <source>Plays as you reach it · A turns this off</source>
        <translation>读到这里时自动播放 · 按 A 关闭</translation>
    </message>
    <message>
        <source>K plays it · A plays sounds as you reach them</source>
        <translation>按 K 播放 · 按 A 在读到时自动播放声音</translation>
    </message>
    <message>
        <source>Pause the chapter&apos;s sound</source>
        <translation>暂停本章的声音</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel the import after the file in hand</source>
        <translation>处理完当前文件后取消导入</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n 个错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
    <message>
        <source>ready to publish</source>
        <translation>可以发布</translation>
    </message>
    <message>
        <source>no chapters yet</source>
        <translation>尚无章节</translation>
    </message>
    <message>
        <source>%1 is open read-only: another Storyport is editing it. You can read, preview and export; edits are off.</source>
        <translation>%1 以只读方式打开：另一个 Storyport 正在编辑它。您可以阅读、预览和导出；编辑已关闭。</translation>
    </message>
</context>
<context>
    <name>StoryDetails</name>
    <message>
        <source>Choose in the library…</source>
        <translation>从媒体库选择…</translation>
    </message>
    <message>
        <source>No cover</source>
        <translation>无封面</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>封面</translation>
    </message>
    <message>
        <source>About the story and its credits (Markdown)</source>
        <translation>关于故事及其署名（Markdown）</translation>
    </message>
    <message>
        <source>About and credits</source>
        <translation>简介与署名</translation>
    </message>
    <message>
        <source>About</source>
        <translation>简介</translation>
    </message>
    <message>
        <source>STORY</source>
        <translation>故事</translation>
    </message>
    <message>
        <source>No cover photo yet</source>
        <translation>尚无封面照片</translation>
    </message>
</context>
<context>
    <name>StoryLanguage</name>
    <message>
        <source>The story&apos;s language</source>
        <extracomment>&quot;Original: English&quot; in the languages whose catalogue may not have it yet.</extracomment>
        <translation>故事的语言</translation>
    </message>
</context>
<context>
    <name>StoryMapView</name>
    <message>
        <source>Story map</source>
        <translation>故事地图</translation>
    </message>
    <message>
        <source>Tab moves between chapter markers, Enter opens one; arrows pan, plus and minus zoom.</source>
        <translation>Tab 在章节标记之间移动，Enter 打开章节；方向键平移，加号和减号缩放。</translation>
    </message>
    <message>
        <source>Maps</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>The map cannot be shown: %1</source>
        <translation>无法显示地图：%1</translation>
    </message>
    <message>
        <source>The map “%1” cannot be shown. %2</source>
        <translation>无法显示地图“%1”。%2</translation>
    </message>
    <message>
        <source>This story has no map.</source>
        <translation>这个故事没有地图。</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>Chapters at %1</source>
        <translation>%1 的章节</translation>
    </message>
    <message>
        <source>CHAPTER %1 · %2</source>
        <translation>第 %1 章 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n CHAPTER(S)</source>
        <translation>
            <numerusform>%1 · %n 章</numerusform>
        </translation>
    </message>
    <message>
        <source>Click to choose a chapter.</source>
        <translation>点击选择章节。</translation>
    </message>
    <message>
        <source>Story map, marker %1 of %2: %3</source>
        <translation>故事地图，第 %1 个标记，共 %2 个：%3</translation>
    </message>
</context>
<context>
    <name>ThumbStrip</name>
    <message>
        <source>Photo %1 of %2</source>
        <translation>第 %1 张照片，共 %2 张</translation>
    </message>
    <message>
        <source>Photo %1</source>
        <translation>第 %1 张照片</translation>
    </message>
    <message>
        <source>, shown</source>
        <translation>，当前显示</translation>
    </message>
</context>
<context>
    <name>TocModel</name>
    <message>
        <source>current</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>visited</source>
        <translation>已读</translation>
    </message>
    <message>
        <source>not yet read</source>
        <translation>未读</translation>
    </message>
    <message>
        <source>Chapter %1: %2, %3</source>
        <translation>第 %1 章：%2，%3</translation>
    </message>
</context>
<context>
    <name>TocPanel</name>
    <message>
        <source>CONTENTS</source>
        <extracomment>The item padding of ``#Toc QListView::item`` in ui/theme.py (horizontal, vertical).</extracomment>
        <translation>目录</translation>
    </message>
    <message>
        <source>Table of contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>About this story</source>
        <translation>关于这个故事</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Table of contents (T)</source>
        <translation>目录（T）</translation>
    </message>
    <message>
        <source>Back to the cover</source>
        <translation>返回封面</translation>
    </message>
    <message>
        <source>The map (M)</source>
        <translation>地图（M）</translation>
    </message>
    <message>
        <source>Previous chapter (Left, Page Up)</source>
        <translation>上一章（左方向键、Page Up）</translation>
    </message>
    <message>
        <source>Next chapter (Right, Page Down)</source>
        <translation>下一章（右方向键、Page Down）</translation>
    </message>
</context>
<context>
    <name>TranslationView</name>
    <message>
        <source>Translations</source>
        <translation>翻译</translation>
    </message>
    <message>
        <source>Language of the translation</source>
        <translation>译文语言</translation>
    </message>
    <message>
        <source>Add a language…</source>
        <translation>添加语言…</translation>
    </message>
    <message>
        <source>Only missing and out of date</source>
        <translation>仅显示缺少和过时的</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Texts to translate</source>
        <translation>待翻译的文本</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>已是最新</translation>
    </message>
    <message>
        <source>The translation still holds for the changed original</source>
        <translation>原文虽已更改，译文仍然适用</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>译文</translation>
    </message>
    <message>
        <source>Add a language</source>
        <translation>添加语言</translation>
    </message>
    <message>
        <source>Language tag (e.g. ru, kk, zh-Hans):</source>
        <translation>语言代码（例如 ru、kk、zh-Hans）：</translation>
    </message>
    <message>
        <source>No translations yet: add a language.</source>
        <translation>尚无译文：请添加一种语言。</translation>
    </message>
    <message>
        <source>%1 of %2 translated · %3 missing · %4 out of date</source>
        <translation>已翻译 %1/%2 · 缺少 %3 · 过时 %4</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <source>out of date</source>
        <translation>已过时</translation>
    </message>
</context>
<context>
    <name>ValidationPanel</name>
    <message>
        <source>Problems to fix before publishing</source>
        <translation>发布前需要修正的问题</translation>
    </message>
    <message>
        <source>CHECKS</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Strip GPS positions, names and other identifying tags from the media that still carry them (one undo step)</source>
        <translation>从仍带有 GPS 位置、姓名及其他可识别标签的媒体中移除这些信息（一次撤销即可还原）</translation>
    </message>
    <message>
        <source>Nothing to fix.
The story is ready to publish.</source>
        <translation>没有需要修正的问题。
故事可以发布了。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Checked as you edit, and again before publishing.</source>
        <translation>编辑时即检查，发布前再检查一次。</translation>
    </message>
    <message>
        <source>No chapters yet.
Add one, and its checks appear here.</source>
        <translation>尚无章节。
添加一章后，它的检查结果会显示在这里。</translation>
    </message>
    <message>
        <source> The first %1 are listed.</source>
        <translation>仅列出前 %1 个。</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n 个错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
    <message>
        <source>Click one to fix it.</source>
        <translation>点击其中一项进行修正。</translation>
    </message>
    <message>
        <source>The check could not run: %1</source>
        <translation>检查无法运行：%1</translation>
    </message>
</context>
<context>
    <name>WaveformEdit</name>
    <message>
        <source>Waveform with trim and fade handles</source>
        <translation>带裁剪和淡入淡出手柄的波形</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>Storyport Editor</source>
        <translation>Storyport 编辑器</translation>
    </message>
    <message>
        <source>Make a story from photos, recordings and places. Everything is saved as you go.</source>
        <translation>用照片、录音和地点制作故事。一切都会即时保存。</translation>
    </message>
    <message>
        <source>New story…</source>
        <translation>新建故事…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>RECENT STORIES</source>
        <translation>最近的故事</translation>
    </message>
    <message>
        <source>Recent stories</source>
        <translation>最近的故事</translation>
    </message>
    <message>
        <source>No stories opened yet. Start one with “New story…”, or drop a .storypkg file on this window.</source>
        <translation>尚未打开过故事。可通过“新建故事…”开始，或将 .storypkg 文件拖到此窗口。</translation>
    </message>
    <message>
        <source>%1 is being edited in another Storyport (%2). Open it read-only to read, preview and export it?</source>
        <translation>%1 正在另一个 Storyport 中编辑（%2）。要以只读方式打开以便阅读、预览和导出吗？</translation>
    </message>
</context>
<context>
    <name>_ImportedFiles</name>
    <message numerus="yes">
        <source>Import %n file(s)</source>
        <translation>
            <numerusform>导入 %n 个文件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Words</name>
    <message numerus="yes">
        <source>Remove identifying metadata from %n medium(s)…</source>
        <translation>
            <numerusform>从 %n 个媒体中移除可识别身份的元数据…</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove identifying metadata</source>
        <translation>移除可识别身份的元数据</translation>
    </message>
</context>
</TS>
