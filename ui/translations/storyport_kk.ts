<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk">
<context>
    <name>Actions</name>
    <message>
        <source>Storyport Editor</source>
        <extracomment>lupdate reads translate(&quot;Actions&quot;, ...) calls; the texts are made when the window is. The tab actions, in tab order. Actions that change the story: off while it is open read-only. Actions that need an open story.</extracomment>
        <translation>Storyport редакторы</translation>
    </message>
    <message>
        <source>Every edit is saved as you make it; Ctrl+Z undoes it.
F5 previews the story in the reader.</source>
        <translation>Әр өзгеріс бірден сақталады; Ctrl+Z оны болдырмайды.
F5 әңгімені оқу режимінде көрсетеді.</translation>
    </message>
    <message>
        <source>&amp;New story…</source>
        <translation>&amp;Жаңа әңгіме…</translation>
    </message>
    <message>
        <source>Create a new story package</source>
        <translation>Жаңа әңгіме пакетін жасау</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Жаңа</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ашу…</translation>
    </message>
    <message>
        <source>Open a story package</source>
        <translation>Әңгіме пакетін ашу</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ашу</translation>
    </message>
    <message>
        <source>Open from &amp;library…</source>
        <translation>&amp;Кітапханадан ашу…</translation>
    </message>
    <message>
        <source>Pull a story from the newsroom&apos;s shared library</source>
        <translation>Редакцияның ортақ кітапханасынан әңгімені алу</translation>
    </message>
    <message>
        <source>&amp;Push to library…</source>
        <translation>Кітапханаға жі&amp;беру…</translation>
    </message>
    <message>
        <source>Store this story as a new version in the shared library</source>
        <translation>Осы әңгімені ортақ кітапханада жаңа нұсқа ретінде сақтау</translation>
    </message>
    <message>
        <source>&amp;Import media…</source>
        <translation>Медиа &amp;импорттау…</translation>
    </message>
    <message>
        <source>Import photos and recordings</source>
        <translation>Фото мен жазбаларды импорттау</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>&amp;Export compact copy…</source>
        <translation>Ықшам көшірмені &amp;экспорттау…</translation>
    </message>
    <message>
        <source>Write a compact copy for distribution</source>
        <translation>Таратуға арналған ықшам көшірме жазу</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Жабу</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Шығу</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Болдырмау</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Қайталау</translation>
    </message>
    <message>
        <source>&amp;Add chapter</source>
        <translation>Тарау &amp;қосу</translation>
    </message>
    <message>
        <source>Add a chapter after this one</source>
        <translation>Осы тараудан кейін тарау қосу</translation>
    </message>
    <message>
        <source>Chapter</source>
        <translation>Тарау</translation>
    </message>
    <message>
        <source>D&amp;uplicate chapter</source>
        <translation>Тарауды &amp;көшіру</translation>
    </message>
    <message>
        <source>&amp;Delete chapter</source>
        <translation>Тарауды &amp;жою</translation>
    </message>
    <message>
        <source>Re&amp;name chapter</source>
        <translation>Тарауды қайта &amp;атау</translation>
    </message>
    <message>
        <source>Move chapter &amp;up</source>
        <translation>Тарауды &amp;жоғары жылжыту</translation>
    </message>
    <message>
        <source>Move chapter do&amp;wn</source>
        <translation>Тарауды &amp;төмен жылжыту</translation>
    </message>
    <message>
        <source>&amp;Preview in the reader</source>
        <translation>Оқу режимінде &amp;қарау</translation>
    </message>
    <message>
        <source>Switch to the reader at this chapter and back (F5)</source>
        <translation>Осы тарауда оқу режиміне ауысу және қайту (F5)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Қарау</translation>
    </message>
    <message>
        <source>&amp;Translations…</source>
        <translation>&amp;Аудармалар…</translation>
    </message>
    <message>
        <source>The story&apos;s texts in other languages, beside the original</source>
        <translation>Әңгіме мәтіндері басқа тілдерде, түпнұсқаның қасында</translation>
    </message>
    <message>
        <source>&amp;About the editor</source>
        <translation>Редактор &amp;туралы</translation>
    </message>
    <message>
        <source>&amp;Story</source>
        <translation>&amp;Әңгіме</translation>
    </message>
    <message>
        <source>&amp;Chapter</source>
        <translation>&amp;Тарау</translation>
    </message>
    <message>
        <source>&amp;Media</source>
        <translation>&amp;Медиа</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>&amp;Орын</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Соңғылар</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Түзету</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Көрініс</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Анықтама</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Негізгі</translation>
    </message>
</context>
<context>
    <name>AudioBar</name>
    <message>
        <source>Play / pause (K)</source>
        <extracomment>The title column is never narrower than this, the waveform never narrower than that.</extracomment>
        <translation>Ойнату / кідірту (K)</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Ойнату</translation>
    </message>
    <message>
        <source>Position in the recording</source>
        <translation>Жазбадағы орын</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Дыбыс деңгейі</translation>
    </message>
    <message>
        <source>Vol</source>
        <comment>volume, abbreviated</comment>
        <translation>Дыб.</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Дыбыс</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Кідірту</translation>
    </message>
</context>
<context>
    <name>AudioPanel</name>
    <message>
        <source>Play the kept part</source>
        <translation>Қалдырылған бөлікті ойнату</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Ойнату</translation>
    </message>
    <message>
        <source>Trim start</source>
        <translation>Басын кесу</translation>
    </message>
    <message>
        <source>Trim end</source>
        <translation>Соңын кесу</translation>
    </message>
    <message>
        <source>Fade in</source>
        <translation>Біртіндеп күшею</translation>
    </message>
    <message>
        <source>Fade out</source>
        <translation>Біртіндеп бәсеңдеу</translation>
    </message>
    <message>
        <source>s</source>
        <comment>seconds</comment>
        <translation>с</translation>
    </message>
    <message>
        <source>What is said in the recording, for readers who cannot listen</source>
        <translation>Жазбада не айтылады — тыңдай алмайтын оқырмандар үшін</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Жазба мәтіні</translation>
    </message>
</context>
<context>
    <name>ChapterDateField</name>
    <message>
        <source>When it happens: 2016, 2016-04, 2017-10-02 or a range 2011-12/2012-06 (blank: undated)</source>
        <translation>Қашан болады: 2016, 2016-04, 2017-10-02 немесе аралық 2011-12/2012-06 (бос болса — күнсіз)</translation>
    </message>
    <message>
        <source>Undated (e.g. 2016-04)</source>
        <translation>Күні жоқ (мысалы, 2016-04)</translation>
    </message>
    <message>
        <source>Chapter date</source>
        <translation>Тараудың күні</translation>
    </message>
</context>
<context>
    <name>ChapterEditor</name>
    <message>
        <source>Chapter title</source>
        <translation>Тараудың атауы</translation>
    </message>
    <message>
        <source>One line the map and the contents show</source>
        <translation>Карта мен мазмұнда көрсетілетін бір жол</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Қысқаша</translation>
    </message>
    <message>
        <source>Write the chapter in Markdown: # heading, *italic*, **bold**, &gt; quote</source>
        <translation>Тарауды Markdown-мен жазыңыз: # тақырып, *көлбеу*, **жуан**, &gt; дәйексөз</translation>
    </message>
    <message>
        <source>Chapter text (Markdown)</source>
        <translation>Тарау мәтіні (Markdown)</translation>
    </message>
    <message>
        <source>Live preview</source>
        <translation>Алдын ала қарау</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Атауы</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Күні</translation>
    </message>
    <message>
        <source>Add a chapter with the + button, or Ctrl+Shift+N.</source>
        <translation>Тарауды + батырмасымен немесе Ctrl+Shift+N арқылы қосыңыз.</translation>
    </message>
    <message>
        <source>Add the first chapter</source>
        <translation>Алғашқы тарауды қосу</translation>
    </message>
    <message numerus="yes">
        <source>%Ln word(s) · about %1 min</source>
        <translation>
            <numerusform>%Ln сөз · шамамен %1 мин</numerusform>
            <numerusform>%Ln сөз · шамамен %1 мин</numerusform>
        </translation>
    </message>
    <message>
        <source>Chapter %1</source>
        <translation>%1-тарау</translation>
    </message>
</context>
<context>
    <name>ChapterListModel</name>
    <message>
        <source>(untitled)</source>
        <translation>(атауы жоқ)</translation>
    </message>
    <message>
        <source>no place yet</source>
        <translation>орны әлі жоқ</translation>
    </message>
    <message>
        <source>Chapter %1: %2</source>
        <translation>%1-тарау: %2</translation>
    </message>
</context>
<context>
    <name>ChapterListView</name>
    <message>
        <source>Chapters</source>
        <translation>Тараулар</translation>
    </message>
</context>
<context>
    <name>ChapterMap</name>
    <message>
        <source>Map of this chapter&apos;s place</source>
        <extracomment>The page&apos;s width from which the map sits beside the text (narrower: text alone). The map&apos;s share of the page, within these bounds. How long after a turn the map is first made.</extracomment>
        <translation>Осы тарау орнының картасы</translation>
    </message>
</context>
<context>
    <name>ChapterMediaModel</name>
    <message>
        <source>Reorder the chapter&apos;s media</source>
        <translation>Тараудағы медианың ретін өзгерту</translation>
    </message>
    <message>
        <source>Add media to the chapter</source>
        <translation>Тарауға медиа қосу</translation>
    </message>
</context>
<context>
    <name>ChapterMediaStrip</name>
    <message>
        <source>The chapter&apos;s photos and recordings</source>
        <translation>Тараудың фотолары мен жазбалары</translation>
    </message>
    <message>
        <source>PHOTOS AND SOUND</source>
        <translation>ФОТО ЖӘНЕ ДЫБЫС</translation>
    </message>
    <message>
        <source>Move earlier</source>
        <translation>Алдыға жылжыту</translation>
    </message>
    <message>
        <source>Move later</source>
        <translation>Артқа жылжыту</translation>
    </message>
    <message>
        <source>Remove from this chapter (stays in the library)</source>
        <translation>Осы тараудан алып тастау (медиатекада қалады)</translation>
    </message>
    <message>
        <source>Import files into this chapter</source>
        <translation>Осы тарауға файлдарды импорттау</translation>
    </message>
    <message>
        <source>Remove media from the chapter</source>
        <translation>Тараудан медианы алып тастау</translation>
    </message>
</context>
<context>
    <name>ChapterPanel</name>
    <message>
        <source>CHAPTERS</source>
        <translation>ТАРАУЛАР</translation>
    </message>
    <message>
        <source>Add a chapter after this one</source>
        <translation>Осы тараудан кейін тарау қосу</translation>
    </message>
    <message>
        <source>Duplicate this chapter</source>
        <translation>Осы тарауды көшіру</translation>
    </message>
    <message>
        <source>Delete this chapter</source>
        <translation>Осы тарауды жою</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Жоғары</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Төмен</translation>
    </message>
</context>
<context>
    <name>Cleaner</name>
    <message>
        <source>Removing identifying metadata…</source>
        <translation>Анықтайтын метадеректерді жою…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Medium %1 of %2: %3</source>
        <translation>%1-файл, барлығы %2: %3</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>Ештеңе өзгерген жоқ: %1</translation>
    </message>
</context>
<context>
    <name>Edit</name>
    <message>
        <source>Edit caption</source>
        <translation>Түсініктемені өзгерту</translation>
    </message>
    <message>
        <source>Edit credit</source>
        <translation>Авторлықты өзгерту</translation>
    </message>
    <message>
        <source>Edit alt text</source>
        <translation>Балама мәтінді өзгерту</translation>
    </message>
    <message>
        <source>Edit licence</source>
        <translation>Лицензияны өзгерту</translation>
    </message>
    <message>
        <source>Edit transcript</source>
        <translation>Жазба мәтінін өзгерту</translation>
    </message>
    <message>
        <source>Edit the medium</source>
        <translation>Медиафайлды өзгерту</translation>
    </message>
    <message>
        <source>Edit the recording&apos;s trim and fades</source>
        <translation>Жазбаның кесілуі мен өтулерін өзгерту</translation>
    </message>
    <message>
        <source>Delete from the library</source>
        <translation>Медиатекадан жою</translation>
    </message>
    <message>
        <source>Replace file</source>
        <translation>Файлды ауыстыру</translation>
    </message>
    <message>
        <source>Add map “%1”</source>
        <translation>«%1» картасын қосу</translation>
    </message>
    <message>
        <source>Edit the story&apos;s title</source>
        <translation>Әңгіменің атауын өзгерту</translation>
    </message>
    <message>
        <source>Edit the story&apos;s subtitle</source>
        <translation>Әңгіменің тақырыпшасын өзгерту</translation>
    </message>
    <message>
        <source>Edit the story&apos;s byline</source>
        <translation>Әңгіме авторларын өзгерту</translation>
    </message>
    <message>
        <source>Edit the story&apos;s date</source>
        <translation>Әңгіменің күнін өзгерту</translation>
    </message>
    <message>
        <source>Edit the story&apos;s language</source>
        <translation>Әңгіменің тілін өзгерту</translation>
    </message>
    <message>
        <source>Edit the story&apos;s about text</source>
        <translation>«Әңгіме туралы» мәтінін өзгерту</translation>
    </message>
    <message>
        <source>Edit the story</source>
        <translation>Әңгімені өзгерту</translation>
    </message>
    <message>
        <source>Set the cover</source>
        <translation>Мұқабаны таңдау</translation>
    </message>
    <message>
        <source>Clear the cover</source>
        <translation>Мұқабаны алып тастау</translation>
    </message>
    <message>
        <source>Edit the chapter&apos;s text</source>
        <translation>Тарау мәтінін өзгерту</translation>
    </message>
    <message>
        <source>Rename chapter</source>
        <translation>Тарауды қайта атау</translation>
    </message>
    <message>
        <source>Edit the chapter&apos;s summary</source>
        <translation>Тараудың қысқаша мазмұнын өзгерту</translation>
    </message>
    <message>
        <source>Date the chapter</source>
        <translation>Тарауға күн қою</translation>
    </message>
    <message>
        <source>Remove the chapter&apos;s date</source>
        <translation>Тараудың күнін алып тастау</translation>
    </message>
    <message>
        <source>New chapter</source>
        <translation>Жаңа тарау</translation>
    </message>
    <message>
        <source>Add chapter</source>
        <translation>Тарау қосу</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (көшірме)</translation>
    </message>
    <message>
        <source>Duplicate chapter</source>
        <translation>Тарауды көшіру</translation>
    </message>
    <message>
        <source>Delete chapter “%1”</source>
        <translation>«%1» тарауын жою</translation>
    </message>
    <message>
        <source>Move chapter</source>
        <translation>Тарауды жылжыту</translation>
    </message>
    <message>
        <source>Place chapter</source>
        <translation>Тараудың орнын белгілеу</translation>
    </message>
    <message>
        <source>Remove the chapter&apos;s place</source>
        <translation>Тараудың орнын алып тастау</translation>
    </message>
    <message>
        <source>Edit a translation</source>
        <extracomment>How long typing may pause before the translation is committed (one undo step per burst).</extracomment>
        <translation>Аударманы өзгерту</translation>
    </message>
    <message>
        <source>Clear a translation</source>
        <translation>Аударманы тазарту</translation>
    </message>
    <message>
        <source>Mark a translation up to date</source>
        <translation>Аударманы өзекті деп белгілеу</translation>
    </message>
</context>
<context>
    <name>EditorWindow</name>
    <message>
        <source>Storyport Editor</source>
        <translation>Storyport редакторы</translation>
    </message>
    <message>
        <source>Story</source>
        <translation>Әңгіме</translation>
    </message>
    <message>
        <source>Chapter</source>
        <translation>Тарау</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>Медиа</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Орын</translation>
    </message>
    <message numerus="yes">
        <source>%Ln word(s)</source>
        <translation>
            <numerusform>%Ln сөз</numerusform>
            <numerusform>%Ln сөз</numerusform>
        </translation>
    </message>
    <message>
        <source>Untitled story</source>
        <translation>Атауы жоқ әңгіме</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation> (тек оқу)</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Болдырмау: %1</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Болдырмау</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Қайталау: %1</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Қайталау</translation>
    </message>
    <message>
        <source>Back to editing</source>
        <translation>Қайта өңдеуге</translation>
    </message>
    <message>
        <source>Preview: this is what readers see. F5 goes back to editing.</source>
        <translation>Қарау: оқырмандар әңгімені осылай көреді. F5 — өңдеуге қайту.</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>Preparing the Khorgos story for its first reading…</source>
        <translation>Қорғас туралы әңгіме алғашқы оқуға дайындалуда…</translation>
    </message>
</context>
<context>
    <name>FullScreenViewer</name>
    <message>
        <source>Photo</source>
        <extracomment>Space between the controls and the window&apos;s edges.</extracomment>
        <translation>Фото</translation>
    </message>
    <message>
        <source>Photo viewer</source>
        <translation>Фото қарау</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>Previous photo</source>
        <translation>Алдыңғы фото</translation>
    </message>
    <message>
        <source>Next photo</source>
        <translation>Келесі фото</translation>
    </message>
    <message numerus="yes">
        <source>Photo %1 of %n</source>
        <translation>
            <numerusform>%1-фото, барлығы %n</numerusform>
            <numerusform>%1-фото, барлығы %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n</source>
        <comment>the photo shown, of the chapter&apos;s photos</comment>
        <translation>
            <numerusform>%1 / %n</numerusform>
            <numerusform>%1 / %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gallery</name>
    <message>
        <source>Click for full screen (F)</source>
        <extracomment>A caption is never set narrower than this (a portrait photo may be much narrower).</extracomment>
        <translation>Толық экранға ашу үшін басыңыз (F)</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Photos and recordings</source>
        <translation>Фотолар мен жазбалар</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Барлық файлдар</translation>
    </message>
    <message>
        <source>An import is running; wait for it or cancel it first.</source>
        <translation>Импорт жүріп жатыр: аяқталуын күтіңіз немесе тоқтатыңыз.</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n file(s)…</source>
        <translation>
            <numerusform>%n файл импортталуда…</numerusform>
            <numerusform>%n файл импортталуда…</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopping after this file…</source>
        <translation>Осы файлдан кейін тоқтайды…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 импортталуда…</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n file(s)</source>
        <translation>
            <numerusform>%n файл импортталды</numerusform>
            <numerusform>%n файл импортталды</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused:</source>
        <comment>files not imported</comment>
        <translation>
            <numerusform>%n қабылданбады:</numerusform>
            <numerusform>%n қабылданбады:</numerusform>
        </translation>
    </message>
    <message>
        <source>Import photos and recordings</source>
        <translation>Фото мен жазбаларды импорттау</translation>
    </message>
    <message>
        <source>Replace the file</source>
        <translation>Файлды ауыстыру</translation>
    </message>
    <message>
        <source>Replaced with %1</source>
        <translation>%1 файлымен ауыстырылды</translation>
    </message>
    <message>
        <source>Not replaced: %1</source>
        <translation>Ауыстырылмады: %1</translation>
    </message>
</context>
<context>
    <name>InsertMedia</name>
    <message>
        <source>Insert media…</source>
        <translation>Медиа кірістіру…</translation>
    </message>
    <message>
        <source>Show one of the package&apos;s images in the text (%1)</source>
        <translation>Мәтінде пакеттегі суреттердің бірін көрсету (%1)</translation>
    </message>
</context>
<context>
    <name>Kiosk</name>
    <message>
        <source>Touch the screen to begin</source>
        <extracomment>About 25 frames a second: the move is slow (about 20 px a second at 1920 px wide). The cross-fade between two slides, in seconds. How far a slide zooms over its time (1.0 to ZOOM). media id -&gt; decoded image (None when it cannot be had) what the loop asks of a visitor (in the interface&apos;s language)</extracomment>
        <translation>Бастау үшін экранды түртіңіз</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>Interface &amp;language</source>
        <translation>Интерфейс &amp;тілі</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Жүйедегідей</translation>
    </message>
    <message>
        <source>The interface will be in %1 from the next start.</source>
        <translation>Келесі іске қосудан бастап интерфейс тілі: %1.</translation>
    </message>
</context>
<context>
    <name>Library</name>
    <message>
        <source>No password here: it comes from ~/.pgpass or PGPASSWORD</source>
        <translation>Құпиясөз мұнда жазылмайды: ол ~/.pgpass немесе PGPASSWORD ішінен алынады</translation>
    </message>
    <message>
        <source>&amp;Library:</source>
        <translation>&amp;Кітапхана:</translation>
    </message>
</context>
<context>
    <name>LibraryLink</name>
    <message>
        <source>Listing…</source>
        <translation>Тізім алынуда…</translation>
    </message>
    <message>
        <source>Choose a story and where to save it.</source>
        <translation>Әңгімені және оны қайда сақтау керегін таңдаңыз.</translation>
    </message>
    <message>
        <source>Pulling %1…</source>
        <translation>%1 алынуда…</translation>
    </message>
    <message>
        <source>Opened %1 version %2 from the library</source>
        <translation>Кітапханадан %1 әңгімесінің %2-нұсқасы ашылды</translation>
    </message>
    <message>
        <source>not in the library yet</source>
        <translation>кітапханада әлі жоқ</translation>
    </message>
    <message>
        <source>nobody holds it</source>
        <translation>ешкім ұстап тұрған жоқ</translation>
    </message>
    <message>
        <source>held by %1</source>
        <translation>%1 ұстап тұр</translation>
    </message>
    <message>
        <source>Pushing %1…</source>
        <translation>%1 жіберілуде…</translation>
    </message>
    <message>
        <source>Pushed %1 version %2 to the library (%3 media sent, %4 already there)</source>
        <translation>%1 әңгімесінің %2-нұсқасы кітапханаға жіберілді (%3 медиафайл жіберілді, %4 онда бұрыннан бар)</translation>
    </message>
</context>
<context>
    <name>LibraryWatch</name>
    <message>
        <source>%1 pushed version %2 of %3 to the library: File &gt; Open from library… to see it</source>
        <extracomment>the open document it follows</extracomment>
        <translation>%1 кітапханаға %3 әңгімесінің %2-нұсқасын жіберді: көру үшін Файл &gt; Кітапханадан ашу…</translation>
    </message>
    <message>
        <source>%1 took the lock on %2 in the library</source>
        <translation>%1 кітапханада %2 әңгімесін бұғаттады</translation>
    </message>
    <message>
        <source>%1 released the lock on %2</source>
        <translation>%1 %2 әңгімесінің бұғатын алып тастады</translation>
    </message>
</context>
<context>
    <name>LinkOpener</name>
    <message>
        <source>a relative address</source>
        <extracomment>ask(parent, url, where) -&gt; whether the person wants to go there</extracomment>
        <translation>салыстырмалы мекенжай</translation>
    </message>
    <message>
        <source>not opened (%1 links do not open)</source>
        <translation>ашылмады (%1 сілтемелері ашылмайды)</translation>
    </message>
    <message>
        <source>mail to %1</source>
        <translation>%1 мекенжайына хат</translation>
    </message>
    <message>
        <source>Open a link</source>
        <translation>Сілтемені ашу</translation>
    </message>
    <message>
        <source>This link goes to %1.</source>
        <translation>Бұл сілтеме %1 сайтына апарады.</translation>
    </message>
</context>
<context>
    <name>MarkerAccessible</name>
    <message>
        <source>%1, chapter %2</source>
        <extracomment>objectName of the viewport whose interface lists the markers</extracomment>
        <translation>%1, %2-тарау</translation>
    </message>
    <message>
        <source>%1, %n chapters</source>
        <translation>%1, %n тарау</translation>
    </message>
</context>
<context>
    <name>MarkerGroup</name>
    <message>
        <source>Chapter %1: %2. Place: %3</source>
        <translation>%1-тарау: %2. Орны: %3</translation>
    </message>
    <message>
        <source>chapter %1: %2</source>
        <translation>%1-тарау: %2</translation>
    </message>
    <message>
        <source>%1, chapters: %2</source>
        <comment>a place on the map and its chapters</comment>
        <translation>%1, тараулар: %2</translation>
    </message>
</context>
<context>
    <name>MediaChooser</name>
    <message>
        <source>Insert media</source>
        <extracomment>Where an inserted picture sits: its own paragraph (text-column width or the page&apos;s), or on the line after the row of the picture above the cursor.</extracomment>
        <translation>Медиа кірістіру</translation>
    </message>
    <message>
        <source>The package&apos;s images</source>
        <translation>Пакеттегі суреттер</translation>
    </message>
    <message>
        <source>Where it sits</source>
        <translation>Орналасуы</translation>
    </message>
    <message>
        <source>&amp;Inset, as wide as the text</source>
        <translation>&amp;Мәтін ішінде, мәтін енімен</translation>
    </message>
    <message>
        <source>&amp;Full width</source>
        <translation>&amp;Толық енімен</translation>
    </message>
    <message>
        <source>&amp;Side by side with the previous picture</source>
        <translation>Алдыңғы суреттің &amp;қасында</translation>
    </message>
    <message>
        <source>No picture above the cursor with room beside it (three at most)</source>
        <translation>Курсордың үстінде қасында орын бар сурет жоқ (қатарында ең көбі үшеу)</translation>
    </message>
    <message>
        <source>Show one of the package&apos;s images in the text:</source>
        <translation>Мәтінде пакеттегі суреттердің бірін көрсету:</translation>
    </message>
</context>
<context>
    <name>MediaDetails</name>
    <message>
        <source>Choose a photo or recording</source>
        <translation>Фотоны немесе жазбаны таңдаңыз</translation>
    </message>
    <message>
        <source>Removed on import</source>
        <translation>Импорт кезінде жойылған</translation>
    </message>
    <message>
        <source>Used in</source>
        <translation>Қолданылатын жері</translation>
    </message>
    <message>
        <source>Replace file…</source>
        <translation>Файлды ауыстыру…</translation>
    </message>
    <message>
        <source>Swap in another file; caption, credit, alt text and licence stay</source>
        <translation>Басқа файл қою; түсініктеме, авторлық, балама мәтін мен лицензия сақталады</translation>
    </message>
    <message>
        <source>Use as cover</source>
        <translation>Мұқаба ету</translation>
    </message>
    <message>
        <source>Delete from library</source>
        <translation>Медиатекадан жою</translation>
    </message>
    <message>
        <source>Only media no chapter shows can be deleted</source>
        <translation>Ешбір тарауда көрсетілмеген медианы ғана жоюға болады</translation>
    </message>
    <message>
        <source>%1 × %2 px</source>
        <translation>%1 × %2 пиксель</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 МБ</translation>
    </message>
    <message>
        <source>nothing (no metadata found)</source>
        <translation>ештеңе (метадерек табылмады)</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>Мұқаба</translation>
    </message>
    <message>
        <source>no chapter yet</source>
        <translation>әзірге ешбір тарауда жоқ</translation>
    </message>
    <message>
        <source>Cover ✓</source>
        <translation>Мұқаба ✓</translation>
    </message>
</context>
<context>
    <name>MediaImporter</name>
    <message>
        <source>could not be stored (%1)</source>
        <translation>сақталмады (%1)</translation>
    </message>
    <message>
        <source>the import stopped: %1</source>
        <translation>импорт тоқтады: %1</translation>
    </message>
</context>
<context>
    <name>MediaPanel</name>
    <message>
        <source>Media library</source>
        <translation>Медиатека</translation>
    </message>
    <message>
        <source>LIBRARY</source>
        <translation>МЕДИАТЕКА</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>Файлдарды импорттау…</translation>
    </message>
    <message>
        <source>Media details</source>
        <translation>Медиа туралы мәліметтер</translation>
    </message>
</context>
<context>
    <name>OpenDialog</name>
    <message>
        <source>Open from library</source>
        <translation>Кітапханадан ашу</translation>
    </message>
    <message>
        <source>&amp;List stories</source>
        <translation>Әңгімелер &amp;тізімі</translation>
    </message>
    <message>
        <source>&amp;Story:</source>
        <translation>&amp;Әңгіме:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Шолу…</translation>
    </message>
    <message>
        <source>&amp;Save as:</source>
        <translation>&amp;Сақтау орны:</translation>
    </message>
    <message>
        <source>%1: %2 (version %3)</source>
        <translation>%1: %2 (%3-нұсқа)</translation>
    </message>
    <message>
        <source> — locked by %1</source>
        <translation> — %1 бұғаттаған</translation>
    </message>
    <message>
        <source>The library holds no stories yet.</source>
        <translation>Кітапханада әлі әңгіме жоқ.</translation>
    </message>
    <message>
        <source>Save the story as</source>
        <translation>Әңгімені сақтау</translation>
    </message>
    <message>
        <source>Story packages (*.storypkg)</source>
        <translation>Әңгіме пакеттері (*.storypkg)</translation>
    </message>
</context>
<context>
    <name>Opening</name>
    <message>
        <source>Untitled story</source>
        <translation>Атауы жоқ әңгіме</translation>
    </message>
    <message>
        <source>Created %1. Everything you do is saved as you go.</source>
        <translation>%1 жасалды. Барлық әрекетіңіз бірден сақталады.</translation>
    </message>
    <message>
        <source>Upgraded %1 to the current format; the old file is at %2</source>
        <translation>%1 қазіргі форматқа жаңартылды; ескі файл: %2</translation>
    </message>
    <message>
        <source>Opened %1 read-only</source>
        <translation>%1 тек оқу үшін ашылды</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 ашылды</translation>
    </message>
    <message>
        <source>New story package</source>
        <translation>Жаңа әңгіме пакеті</translation>
    </message>
    <message>
        <source>Story packages (*.storypkg)</source>
        <translation>Әңгіме пакеттері (*.storypkg)</translation>
    </message>
    <message>
        <source>Open a story package</source>
        <translation>Әңгіме пакетін ашу</translation>
    </message>
    <message>
        <source>Export a compact copy</source>
        <translation>Ықшам көшірмені экспорттау</translation>
    </message>
    <message>
        <source>No recent stories</source>
        <translation>Соңғы әңгімелер жоқ</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>%1 файлына экспортталуда…</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Экспортталуда…</translation>
    </message>
    <message>
        <source>Exported a compact copy: %1</source>
        <translation>Ықшам көшірме жазылды: %1</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Экспорт сәтсіз аяқталды: %1</translation>
    </message>
    <message>
        <source>%1 is on a read-only medium: read it, or edit a copy</source>
        <translation>%1 тек оқуға арналған тасығышта: оны оқыңыз немесе көшірмесін өңдеңіз</translation>
    </message>
    <message>
        <source>Edit a copy</source>
        <translation>Көшірмені өңдеу</translation>
    </message>
    <message>
        <source>Copying %1 to %2…</source>
        <translation>%1 файлы %2 ішіне көшірілуде…</translation>
    </message>
    <message>
        <source>Copying…</source>
        <translation>Көшірілуде…</translation>
    </message>
    <message>
        <source>Editing a copy of %1: %2</source>
        <translation>%1 көшірмесі өңделуде: %2</translation>
    </message>
    <message>
        <source>The copy could not be made: %1</source>
        <translation>Көшірме жасалмады: %1</translation>
    </message>
</context>
<context>
    <name>PlaceEditor</name>
    <message>
        <source>Search the map&apos;s place names, Enter to place the chapter there</source>
        <extracomment>A click this close to a basemap place takes its name. Besides renumbering, what changes the markers, the map list or the chapter&apos;s place.</extracomment>
        <translation>Картадағы жер атауларын іздеу; Enter — тарауды сонда орналастыру</translation>
    </message>
    <message>
        <source>Search place names</source>
        <translation>Жер атауларын іздеу</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Карта</translation>
    </message>
    <message>
        <source>Place name</source>
        <translation>Орын атауы</translation>
    </message>
    <message>
        <source>Remove place</source>
        <translation>Орынды алып тастау</translation>
    </message>
    <message>
        <source>Add the Central Asia basemap</source>
        <translation>Орталық Азияның негізгі картасын қосу</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Орын</translation>
    </message>
    <message>
        <source>Map %1</source>
        <translation>%1-карта</translation>
    </message>
    <message>
        <source>Choose a chapter to place it.</source>
        <translation>Орнын белгілеу үшін тарауды таңдаңыз.</translation>
    </message>
    <message>
        <source>Not placed yet: click the map or search a place name.</source>
        <translation>Орны әлі белгіленбеген: картаны басыңыз немесе жер атауын іздеңіз.</translation>
    </message>
    <message>
        <source>x %1, y %2 (pixels of the picture)</source>
        <translation>x %1, y %2 (сурет пиксельдері)</translation>
    </message>
    <message>
        <source>Move place</source>
        <translation>Орынды жылжыту</translation>
    </message>
    <message>
        <source>Place chapter</source>
        <translation>Тараудың орнын белгілеу</translation>
    </message>
    <message>
        <source>No place called “%1” on the map.</source>
        <translation>Картада «%1» деген орын жоқ.</translation>
    </message>
    <message>
        <source>Rename place</source>
        <translation>Орынды қайта атау</translation>
    </message>
</context>
<context>
    <name>ProblemModel</name>
    <message>
        <source>error</source>
        <extracomment>Rows shown at once: a story with thousands of problems lists the first ones (errors first).</extracomment>
        <translation>қате</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>ескерту</translation>
    </message>
    <message>
        <source>%1: %2. Click to go to the field that fixes it.</source>
        <translation>%1: %2. Түзететін өріске өту үшін басыңыз.</translation>
    </message>
</context>
<context>
    <name>PublishRun</name>
    <message>
        <source>Publishing the web edition…</source>
        <extracomment>Steps of the progress bar (publish_web reports done/total; this is its resolution).</extracomment>
        <translation>Веб-нұсқа жариялануда…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Publish web edition</source>
        <translation>Веб-нұсқаны жариялау</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Тоқтатылуда…</translation>
    </message>
    <message>
        <source>Publishing the web edition: %1</source>
        <translation>Веб-нұсқа жариялануда: %1</translation>
    </message>
    <message>
        <source>Web edition not published</source>
        <translation>Веб-нұсқа жарияланбады</translation>
    </message>
    <message>
        <source>The web edition was not published: %1</source>
        <translation>Веб-нұсқа жарияланбады: %1</translation>
    </message>
    <message>
        <source>Publish web edition: choose where its folder goes</source>
        <translation>Веб-нұсқаны жариялау: оның қалтасы қайда болатынын таңдаңыз</translation>
    </message>
    <message>
        <source>Publishing cancelled; nothing was written.</source>
        <translation>Жариялау тоқтатылды; ештеңе жазылмады.</translation>
    </message>
    <message>
        <source>Web edition published: open %1</source>
        <translation>Веб-нұсқа жарияланды: %1 ашыңыз</translation>
    </message>
</context>
<context>
    <name>PushDialog</name>
    <message>
        <source>Push to library</source>
        <translation>Кітапханаға жіберу</translation>
    </message>
    <message>
        <source>&amp;Story:</source>
        <translation>&amp;Әңгіме:</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Не өзгерді</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Хабарлама:</translation>
    </message>
    <message>
        <source>Lock:</source>
        <translation>Бұғаттау:</translation>
    </message>
    <message>
        <source>&amp;Push</source>
        <translation>&amp;Жіберу</translation>
    </message>
</context>
<context>
    <name>ReadOnlyOffer</name>
    <message>
        <source>Open read-only or edit a copy</source>
        <translation>Тек оқу үшін ашу немесе көшірмені өңдеу</translation>
    </message>
    <message>
        <source>“%1” cannot be edited where it is.</source>
        <translation>«%1» файлын тұрған жерінде өңдеуге болмайды.</translation>
    </message>
    <message>
        <source>Its folder cannot be written (%1). You can read it here, with the editor read-only, or save a copy somewhere else and edit that.</source>
        <translation>Оның қалтасына жазуға болмайды (%1). Оны осында, редакторда тек оқу режимінде оқуға немесе көшірмесін басқа жерге сақтап, соны өңдеуге болады.</translation>
    </message>
    <message>
        <source>Read it</source>
        <translation>Оқу</translation>
    </message>
    <message>
        <source>Edit a copy…</source>
        <translation>Көшірмені өңдеу…</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <source>The map is not available in this build.</source>
        <translation>Бұл құрастыруда карта жоқ.</translation>
    </message>
</context>
<context>
    <name>ReaderWords</name>
    <message numerus="yes">
        <source>A STORY IN %n CHAPTER(S)</source>
        <comment>cover, above the title</comment>
        <extracomment>right to left for Arabic, Persian, Hebrew... (or a story of no language written so)</extracomment>
        <translation>
            <numerusform>%n ТАРАУДАН ТҰРАТЫН ӘҢГІМЕ</numerusform>
            <numerusform>%n ТАРАУДАН ТҰРАТЫН ӘҢГІМЕ</numerusform>
        </translation>
    </message>
    <message>
        <source>Start reading</source>
        <translation>Оқуды бастау</translation>
    </message>
    <message>
        <source>Explore the map</source>
        <translation>Картаны зерттеу</translation>
    </message>
    <message>
        <source>About this story</source>
        <translation>Әңгіме туралы</translation>
    </message>
    <message>
        <source>Cover: %1</source>
        <comment>accessible name</comment>
        <translation>Мұқаба: %1</translation>
    </message>
    <message>
        <source>Chapter %1 of %2</source>
        <comment>above a chapter&apos;s title</comment>
        <translation>%1-тарау, барлығы %2</translation>
    </message>
    <message>
        <source>Chapter %1</source>
        <translation>%1-тарау</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <comment>top bar: the chapter shown of how many</comment>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Contents</source>
        <comment>top bar button</comment>
        <translation>Мазмұны</translation>
    </message>
    <message>
        <source>Cover</source>
        <comment>top bar button</comment>
        <translation>Мұқаба</translation>
    </message>
    <message>
        <source>Map</source>
        <comment>top bar button</comment>
        <translation>Карта</translation>
    </message>
    <message>
        <source>Previous</source>
        <comment>chapter</comment>
        <translation>Алдыңғы</translation>
    </message>
    <message>
        <source>Next</source>
        <comment>chapter</comment>
        <translation>Келесі</translation>
    </message>
</context>
<context>
    <name>SoundBlock</name>
    <message>
        <source>Play the chapter&apos;s sound</source>
        <extracomment>Side-by-side photos stack when a cell would be narrower than this. Space between photos in a row, and between a photo and its caption. A photo is never taller than this share of the page&apos;s height (portraits stay sane). A caption is never set narrower than this (a portrait photo may be much narrower).</extracomment>
        <translation>Тарау дыбысын ойнату</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Дыбыс</translation>
    </message>
    <message>
        <source>Plays as you reach it · A turns this off</source>
        <translation>Осы жерге жеткенде ойнайды · A — өшіру</translation>
    </message>
    <message>
        <source>K plays it · A plays sounds as you reach them</source>
        <translation>K — ойнату · A — жеткен жердегі дыбыстарды ойнату</translation>
    </message>
    <message>
        <source>Pause the chapter&apos;s sound</source>
        <translation>Тарау дыбысын кідірту</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Cancel the import after the file in hand</source>
        <translation>Ағымдағы файлдан кейін импортты тоқтату</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n қате</numerusform>
            <numerusform>%n қате</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n ескерту</numerusform>
            <numerusform>%n ескерту</numerusform>
        </translation>
    </message>
    <message>
        <source>ready to publish</source>
        <translation>жариялауға дайын</translation>
    </message>
    <message>
        <source>no chapters yet</source>
        <translation>әзірге тарау жоқ</translation>
    </message>
    <message>
        <source>%1 is open read-only: another Storyport is editing it. You can read, preview and export; edits are off.</source>
        <translation>%1 тек оқу үшін ашық: оны басқа Storyport өңдеп жатыр. Оқуға, қарауға және экспорттауға болады; өңдеу өшірулі.</translation>
    </message>
</context>
<context>
    <name>StoryDetails</name>
    <message>
        <source>Choose in the library…</source>
        <translation>Медиатекадан таңдау…</translation>
    </message>
    <message>
        <source>No cover</source>
        <translation>Мұқабасыз</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>Мұқаба</translation>
    </message>
    <message>
        <source>About the story and its credits (Markdown)</source>
        <translation>Әңгіме және оның авторлары туралы (Markdown)</translation>
    </message>
    <message>
        <source>About and credits</source>
        <translation>Әңгіме туралы және авторлар</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Туралы</translation>
    </message>
    <message>
        <source>STORY</source>
        <translation>ӘҢГІМЕ</translation>
    </message>
    <message>
        <source>No cover photo yet</source>
        <translation>Мұқаба фотосы әлі жоқ</translation>
    </message>
</context>
<context>
    <name>StoryLanguage</name>
    <message>
        <source>The story&apos;s language</source>
        <extracomment>&quot;Original: English&quot; in the languages whose catalogue may not have it yet.</extracomment>
        <translation>Әңгіменің тілі</translation>
    </message>
</context>
<context>
    <name>StoryMapView</name>
    <message>
        <source>Story map</source>
        <translation>Әңгіме картасы</translation>
    </message>
    <message>
        <source>Tab moves between chapter markers, Enter opens one; arrows pan, plus and minus zoom.</source>
        <translation>Tab тарау белгілері арасында жылжиды, Enter тарауды ашады; бағыттауыштар картаны жылжытады, плюс пен минус масштабты өзгертеді.</translation>
    </message>
    <message>
        <source>Maps</source>
        <translation>Карталар</translation>
    </message>
    <message>
        <source>The map cannot be shown: %1</source>
        <translation>Картаны көрсету мүмкін емес: %1</translation>
    </message>
    <message>
        <source>The map “%1” cannot be shown. %2</source>
        <translation>«%1» картасын көрсету мүмкін емес. %2</translation>
    </message>
    <message>
        <source>This story has no map.</source>
        <translation>Бұл әңгімеде карта жоқ.</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Карта</translation>
    </message>
    <message>
        <source>Chapters at %1</source>
        <translation>%1 орнындағы тараулар</translation>
    </message>
    <message>
        <source>CHAPTER %1 · %2</source>
        <translation>%1-ТАРАУ · %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n CHAPTER(S)</source>
        <translation>
            <numerusform>%1 · %n ТАРАУ</numerusform>
            <numerusform>%1 · %n ТАРАУ</numerusform>
        </translation>
    </message>
    <message>
        <source>Click to choose a chapter.</source>
        <translation>Тарауды таңдау үшін басыңыз.</translation>
    </message>
    <message>
        <source>Story map, marker %1 of %2: %3</source>
        <translation>Әңгіме картасы, %1-белгі, барлығы %2: %3</translation>
    </message>
</context>
<context>
    <name>ThumbStrip</name>
    <message>
        <source>Photo %1 of %2</source>
        <translation>%1-фото, барлығы %2</translation>
    </message>
    <message>
        <source>Photo %1</source>
        <translation>%1-фото</translation>
    </message>
    <message>
        <source>, shown</source>
        <translation>, көрсетілген</translation>
    </message>
</context>
<context>
    <name>TocModel</name>
    <message>
        <source>current</source>
        <translation>ағымдағы</translation>
    </message>
    <message>
        <source>visited</source>
        <translation>оқылған</translation>
    </message>
    <message>
        <source>not yet read</source>
        <translation>әлі оқылмаған</translation>
    </message>
    <message>
        <source>Chapter %1: %2, %3</source>
        <translation>%1-тарау: %2, %3</translation>
    </message>
</context>
<context>
    <name>TocPanel</name>
    <message>
        <source>CONTENTS</source>
        <extracomment>The item padding of ``#Toc QListView::item`` in ui/theme.py (horizontal, vertical).</extracomment>
        <translation>МАЗМҰНЫ</translation>
    </message>
    <message>
        <source>Table of contents</source>
        <translation>Мазмұны</translation>
    </message>
    <message>
        <source>About this story</source>
        <translation>Әңгіме туралы</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Table of contents (T)</source>
        <translation>Мазмұны (T)</translation>
    </message>
    <message>
        <source>Back to the cover</source>
        <translation>Мұқабаға оралу</translation>
    </message>
    <message>
        <source>The map (M)</source>
        <translation>Карта (M)</translation>
    </message>
    <message>
        <source>Previous chapter (Left, Page Up)</source>
        <translation>Алдыңғы тарау (Солға, Page Up)</translation>
    </message>
    <message>
        <source>Next chapter (Right, Page Down)</source>
        <translation>Келесі тарау (Оңға, Page Down)</translation>
    </message>
</context>
<context>
    <name>TranslationView</name>
    <message>
        <source>Translations</source>
        <translation>Аудармалар</translation>
    </message>
    <message>
        <source>Language of the translation</source>
        <translation>Аударма тілі</translation>
    </message>
    <message>
        <source>Add a language…</source>
        <translation>Тіл қосу…</translation>
    </message>
    <message>
        <source>Only missing and out of date</source>
        <translation>Тек жоқтары мен ескіргендері</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Тілі:</translation>
    </message>
    <message>
        <source>Texts to translate</source>
        <translation>Аударылатын мәтіндер</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Өзекті</translation>
    </message>
    <message>
        <source>The translation still holds for the changed original</source>
        <translation>Аударма өзгерген түпнұсқаға әлі де сай</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Түпнұсқа</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Аударма</translation>
    </message>
    <message>
        <source>Add a language</source>
        <translation>Тіл қосу</translation>
    </message>
    <message>
        <source>Language tag (e.g. ru, kk, zh-Hans):</source>
        <translation>Тіл коды (мысалы, ru, kk, zh-Hans):</translation>
    </message>
    <message>
        <source>No translations yet: add a language.</source>
        <translation>Әзірге аударма жоқ: тіл қосыңыз.</translation>
    </message>
    <message>
        <source>%1 of %2 translated · %3 missing · %4 out of date</source>
        <translation>%2 мәтіннің %1 аударылған · %3 жоқ · %4 ескірген</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>жоқ</translation>
    </message>
    <message>
        <source>out of date</source>
        <translation>ескірген</translation>
    </message>
</context>
<context>
    <name>ValidationPanel</name>
    <message>
        <source>Problems to fix before publishing</source>
        <translation>Жариялау алдында түзетілетін мәселелер</translation>
    </message>
    <message>
        <source>CHECKS</source>
        <translation>ТЕКСЕРУЛЕР</translation>
    </message>
    <message>
        <source>Strip GPS positions, names and other identifying tags from the media that still carry them (one undo step)</source>
        <translation>Әлі де бар медиафайлдардан GPS орындарын, аттарды және басқа анықтайтын белгілерді жою (бір болдырмау қадамы)</translation>
    </message>
    <message>
        <source>Nothing to fix.
The story is ready to publish.</source>
        <translation>Түзететін ештеңе жоқ.
Әңгіме жариялауға дайын.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Тексерілуде…</translation>
    </message>
    <message>
        <source>Checked as you edit, and again before publishing.</source>
        <translation>Өңдеу барысында және жариялар алдында тағы тексеріледі.</translation>
    </message>
    <message>
        <source>No chapters yet.
Add one, and its checks appear here.</source>
        <translation>Әзірге тарау жоқ.
Тарау қосыңыз, оның тексерулері осында шығады.</translation>
    </message>
    <message>
        <source> The first %1 are listed.</source>
        <translation> Алғашқы %1 көрсетілген.</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n қате</numerusform>
            <numerusform>%n қате</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n ескерту</numerusform>
            <numerusform>%n ескерту</numerusform>
        </translation>
    </message>
    <message>
        <source>Click one to fix it.</source>
        <translation>Түзету үшін біреуін басыңыз.</translation>
    </message>
    <message>
        <source>The check could not run: %1</source>
        <translation>Тексеру орындалмады: %1</translation>
    </message>
</context>
<context>
    <name>WaveformEdit</name>
    <message>
        <source>Waveform with trim and fade handles</source>
        <translation>Кесу және өту тұтқалары бар толқын пішіні</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>Storyport Editor</source>
        <translation>Storyport редакторы</translation>
    </message>
    <message>
        <source>Make a story from photos, recordings and places. Everything is saved as you go.</source>
        <translation>Фотолардан, жазбалардан және орындардан әңгіме құраңыз. Бәрі бірден сақталады.</translation>
    </message>
    <message>
        <source>New story…</source>
        <translation>Жаңа әңгіме…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Ашу…</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>Тек оқу үшін ашу</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>RECENT STORIES</source>
        <translation>СОҢҒЫ ӘҢГІМЕЛЕР</translation>
    </message>
    <message>
        <source>Recent stories</source>
        <translation>Соңғы әңгімелер</translation>
    </message>
    <message>
        <source>No stories opened yet. Start one with “New story…”, or drop a .storypkg file on this window.</source>
        <translation>Әзірге бірде-бір әңгіме ашылмаған. «Жаңа әңгіме…» арқылы бастаңыз немесе осы терезеге .storypkg файлын сүйреп әкеліңіз.</translation>
    </message>
    <message>
        <source>%1 is being edited in another Storyport (%2). Open it read-only to read, preview and export it?</source>
        <translation>%1 басқа Storyport-та өңделіп жатыр (%2). Оқу, қарау және экспорттау үшін тек оқу режимінде ашу керек пе?</translation>
    </message>
</context>
<context>
    <name>_ImportedFiles</name>
    <message numerus="yes">
        <source>Import %n file(s)</source>
        <translation>
            <numerusform>%n файлды импорттау</numerusform>
            <numerusform>%n файлды импорттау</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Words</name>
    <message numerus="yes">
        <source>Remove identifying metadata from %n medium(s)…</source>
        <translation>
            <numerusform>%n медиафайлдан анықтайтын метадеректерді жою…</numerusform>
            <numerusform>%n медиафайлдан анықтайтын метадеректерді жою…</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove identifying metadata</source>
        <translation>Анықтайтын метадеректерді жою</translation>
    </message>
</context>
</TS>
