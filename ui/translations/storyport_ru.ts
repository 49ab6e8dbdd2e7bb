<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>Actions</name>
    <message>
        <source>Storyport Editor</source>
        <extracomment>lupdate reads translate(&quot;Actions&quot;, ...) calls; the texts are made when the window is. The tab actions, in tab order. Actions that change the story: off while it is open read-only. Actions that need an open story.</extracomment>
        <translation>Редактор Storyport</translation>
    </message>
    <message>
        <source>Every edit is saved as you make it; Ctrl+Z undoes it.
F5 previews the story in the reader.</source>
        <translation>Каждая правка сохраняется сразу; Ctrl+Z отменяет её.
F5 показывает историю в режиме чтения.</translation>
    </message>
    <message>
        <source>&amp;New story…</source>
        <translation>&amp;Новая история…</translation>
    </message>
    <message>
        <source>Create a new story package</source>
        <translation>Создать новый пакет истории</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Новая</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Открыть…</translation>
    </message>
    <message>
        <source>Open a story package</source>
        <translation>Открыть пакет истории</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Open from &amp;library…</source>
        <translation>Открыть из &amp;библиотеки…</translation>
    </message>
    <message>
        <source>Pull a story from the newsroom&apos;s shared library</source>
        <translation>Получить историю из общей библиотеки редакции</translation>
    </message>
    <message>
        <source>&amp;Push to library…</source>
        <translation>О&amp;тправить в библиотеку…</translation>
    </message>
    <message>
        <source>Store this story as a new version in the shared library</source>
        <translation>Сохранить эту историю как новую версию в общей библиотеке</translation>
    </message>
    <message>
        <source>&amp;Import media…</source>
        <translation>&amp;Импорт медиафайлов…</translation>
    </message>
    <message>
        <source>Import photos and recordings</source>
        <translation>Импорт фотографий и записей</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>&amp;Export compact copy…</source>
        <translation>&amp;Экспорт компактной копии…</translation>
    </message>
    <message>
        <source>Write a compact copy for distribution</source>
        <translation>Записать компактную копию для распространения</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выйти</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>&amp;Add chapter</source>
        <translation>&amp;Добавить главу</translation>
    </message>
    <message>
        <source>Add a chapter after this one</source>
        <translation>Добавить главу после этой</translation>
    </message>
    <message>
        <source>Chapter</source>
        <translation>Глава</translation>
    </message>
    <message>
        <source>D&amp;uplicate chapter</source>
        <translation>Д&amp;ублировать главу</translation>
    </message>
    <message>
        <source>&amp;Delete chapter</source>
        <translation>&amp;Удалить главу</translation>
    </message>
    <message>
        <source>Re&amp;name chapter</source>
        <translation>Пере&amp;именовать главу</translation>
    </message>
    <message>
        <source>Move chapter &amp;up</source>
        <translation>Переместить главу &amp;выше</translation>
    </message>
    <message>
        <source>Move chapter do&amp;wn</source>
        <translation>Переместить главу &amp;ниже</translation>
    </message>
    <message>
        <source>&amp;Preview in the reader</source>
        <translation>&amp;Просмотр в режиме чтения</translation>
    </message>
    <message>
        <source>Switch to the reader at this chapter and back (F5)</source>
        <translation>Перейти в режим чтения на этой главе и обратно (F5)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Просмотр</translation>
    </message>
    <message>
        <source>&amp;Translations…</source>
        <translation>&amp;Переводы…</translation>
    </message>
    <message>
        <source>The story&apos;s texts in other languages, beside the original</source>
        <translation>Тексты истории на других языках рядом с оригиналом</translation>
    </message>
    <message>
        <source>&amp;About the editor</source>
        <translation>&amp;О редакторе</translation>
    </message>
    <message>
        <source>&amp;Story</source>
        <translation>&amp;История</translation>
    </message>
    <message>
        <source>&amp;Chapter</source>
        <translation>&amp;Глава</translation>
    </message>
    <message>
        <source>&amp;Media</source>
        <translation>&amp;Медиафайлы</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>&amp;Место</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Недавние</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Основная</translation>
    </message>
</context>
<context>
    <name>AudioBar</name>
    <message>
        <source>Play / pause (K)</source>
        <extracomment>The title column is never narrower than this, the waveform never narrower than that.</extracomment>
        <translation>Воспроизвести / пауза (K)</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Воспроизвести</translation>
    </message>
    <message>
        <source>Position in the recording</source>
        <translation>Позиция в записи</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Громкость</translation>
    </message>
    <message>
        <source>Vol</source>
        <comment>volume, abbreviated</comment>
        <translation>Гр.</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Звук</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
</context>
<context>
    <name>AudioPanel</name>
    <message>
        <source>Play the kept part</source>
        <translation>Воспроизвести оставленную часть</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Воспроизвести</translation>
    </message>
    <message>
        <source>Trim start</source>
        <translation>Обрезать начало</translation>
    </message>
    <message>
        <source>Trim end</source>
        <translation>Обрезать конец</translation>
    </message>
    <message>
        <source>Fade in</source>
        <translation>Плавное начало</translation>
    </message>
    <message>
        <source>Fade out</source>
        <translation>Плавный конец</translation>
    </message>
    <message>
        <source>s</source>
        <comment>seconds</comment>
        <translation>с</translation>
    </message>
    <message>
        <source>What is said in the recording, for readers who cannot listen</source>
        <translation>Что звучит в записи — для читателей, которые не могут слушать</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Расшифровка</translation>
    </message>
</context>
<context>
    <name>ChapterDateField</name>
    <message>
        <source>When it happens: 2016, 2016-04, 2017-10-02 or a range 2011-12/2012-06 (blank: undated)</source>
        <translation>Когда это происходит: 2016, 2016-04, 2017-10-02 или период 2011-12/2012-06 (пусто — без даты)</translation>
    </message>
    <message>
        <source>Undated (e.g. 2016-04)</source>
        <translation>Без даты (например, 2016-04)</translation>
    </message>
    <message>
        <source>Chapter date</source>
        <translation>Дата главы</translation>
    </message>
</context>
<context>
    <name>ChapterEditor</name>
    <message>
        <source>Chapter title</source>
        <translation>Название главы</translation>
    </message>
    <message>
        <source>One line the map and the contents show</source>
        <translation>Одна строка для карты и оглавления</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Кратко</translation>
    </message>
    <message>
        <source>Write the chapter in Markdown: # heading, *italic*, **bold**, &gt; quote</source>
        <translation>Пишите главу в Markdown: # заголовок, *курсив*, **жирный**, &gt; цитата</translation>
    </message>
    <message>
        <source>Chapter text (Markdown)</source>
        <translation>Текст главы (Markdown)</translation>
    </message>
    <message>
        <source>Live preview</source>
        <translation>Предпросмотр</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Add a chapter with the + button, or Ctrl+Shift+N.</source>
        <translation>Добавьте главу кнопкой + или Ctrl+Shift+N.</translation>
    </message>
    <message>
        <source>Add the first chapter</source>
        <translation>Добавить первую главу</translation>
    </message>
    <message numerus="yes">
        <source>%Ln word(s) · about %1 min</source>
        <translation>
            <numerusform>%Ln слово · около %1 мин</numerusform>
            <numerusform>%Ln слова · около %1 мин</numerusform>
            <numerusform>%Ln слов · около %1 мин</numerusform>
        </translation>
    </message>
    <message>
        <source>Chapter %1</source>
        <translation>Глава %1</translation>
    </message>
</context>
<context>
    <name>ChapterListModel</name>
    <message>
        <source>(untitled)</source>
        <translation>(без названия)</translation>
    </message>
    <message>
        <source>no place yet</source>
        <translation>место не указано</translation>
    </message>
    <message>
        <source>Chapter %1: %2</source>
        <translation>Глава %1: %2</translation>
    </message>
</context>
<context>
    <name>ChapterListView</name>
    <message>
        <source>Chapters</source>
        <translation>Главы</translation>
    </message>
</context>
<context>
    <name>ChapterMap</name>
    <message>
        <source>Map of this chapter&apos;s place</source>
        <extracomment>The page&apos;s width from which the map sits beside the text (narrower: text alone). The map&apos;s share of the page, within these bounds. How long after a turn the map is first made.</extracomment>
        <translation>Карта места этой главы</translation>
    </message>
</context>
<context>
    <name>ChapterMediaModel</name>
    <message>
        <source>Reorder the chapter&apos;s media</source>
        <translation>Изменить порядок медиафайлов главы</translation>
    </message>
    <message>
        <source>Add media to the chapter</source>
        <translation>Добавить медиафайлы в главу</translation>
    </message>
</context>
<context>
    <name>ChapterMediaStrip</name>
    <message>
        <source>The chapter&apos;s photos and recordings</source>
        <translation>Фотографии и записи главы</translation>
    </message>
    <message>
        <source>PHOTOS AND SOUND</source>
        <translation>ФОТО И ЗВУК</translation>
    </message>
    <message>
        <source>Move earlier</source>
        <translation>Переместить раньше</translation>
    </message>
    <message>
        <source>Move later</source>
        <translation>Переместить позже</translation>
    </message>
    <message>
        <source>Remove from this chapter (stays in the library)</source>
        <translation>Убрать из этой главы (остаётся в медиатеке)</translation>
    </message>
    <message>
        <source>Import files into this chapter</source>
        <translation>Импортировать файлы в эту главу</translation>
    </message>
    <message>
        <source>Remove media from the chapter</source>
        <translation>Убрать медиафайлы из главы</translation>
    </message>
</context>
<context>
    <name>ChapterPanel</name>
    <message>
        <source>CHAPTERS</source>
        <translation>ГЛАВЫ</translation>
    </message>
    <message>
        <source>Add a chapter after this one</source>
        <translation>Добавить главу после этой</translation>
    </message>
    <message>
        <source>Duplicate this chapter</source>
        <translation>Дублировать эту главу</translation>
    </message>
    <message>
        <source>Delete this chapter</source>
        <translation>Удалить эту главу</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Выше</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Ниже</translation>
    </message>
</context>
<context>
    <name>Cleaner</name>
    <message>
        <source>Removing identifying metadata…</source>
        <translation>Удаление идентифицирующих метаданных…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Medium %1 of %2: %3</source>
        <translation>Файл %1 из %2: %3</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>Ничего не изменено: %1</translation>
    </message>
</context>
<context>
    <name>Edit</name>
    <message>
        <source>Edit caption</source>
        <translation>Изменить подпись</translation>
    </message>
    <message>
        <source>Edit credit</source>
        <translation>Изменить авторство</translation>
    </message>
    <message>
        <source>Edit alt text</source>
        <translation>Изменить альтернативный текст</translation>
    </message>
    <message>
        <source>Edit licence</source>
        <translation>Изменить лицензию</translation>
    </message>
    <message>
        <source>Edit transcript</source>
        <translation>Изменить расшифровку</translation>
    </message>
    <message>
        <source>Edit the medium</source>
        <translation>Изменить медиафайл</translation>
    </message>
    <message>
        <source>Edit the recording&apos;s trim and fades</source>
        <translation>Изменить обрезку и переходы записи</translation>
    </message>
    <message>
        <source>Delete from the library</source>
        <translation>Удалить из медиатеки</translation>
    </message>
    <message>
        <source>Replace file</source>
        <translation>Заменить файл</translation>
    </message>
    <message>
        <source>Add map “%1”</source>
        <translation>Добавить карту «%1»</translation>
    </message>
    <message>
        <source>Edit the story&apos;s title</source>
        <translation>Изменить название истории</translation>
    </message>
    <message>
        <source>Edit the story&apos;s subtitle</source>
        <translation>Изменить подзаголовок истории</translation>
    </message>
    <message>
        <source>Edit the story&apos;s byline</source>
        <translation>Изменить авторов истории</translation>
    </message>
    <message>
        <source>Edit the story&apos;s date</source>
        <translation>Изменить дату истории</translation>
    </message>
    <message>
        <source>Edit the story&apos;s language</source>
        <translation>Изменить язык истории</translation>
    </message>
    <message>
        <source>Edit the story&apos;s about text</source>
        <translation>Изменить текст «Об истории»</translation>
    </message>
    <message>
        <source>Edit the story</source>
        <translation>Изменить историю</translation>
    </message>
    <message>
        <source>Set the cover</source>
        <translation>Выбрать обложку</translation>
    </message>
    <message>
        <source>Clear the cover</source>
        <translation>Убрать обложку</translation>
    </message>
    <message>
        <source>Edit the chapter&apos;s text</source>
        <translation>Изменить текст главы</translation>
    </message>
    <message>
        <source>Rename chapter</source>
        <translation>Переименовать главу</translation>
    </message>
    <message>
        <source>Edit the chapter&apos;s summary</source>
        <translation>Изменить краткое описание главы</translation>
    </message>
    <message>
        <source>Date the chapter</source>
        <translation>Указать дату главы</translation>
    </message>
    <message>
        <source>Remove the chapter&apos;s date</source>
        <translation>Убрать дату главы</translation>
    </message>
    <message>
        <source>New chapter</source>
        <translation>Новая глава</translation>
    </message>
    <message>
        <source>Add chapter</source>
        <translation>Добавить главу</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (копия)</translation>
    </message>
    <message>
        <source>Duplicate chapter</source>
        <translation>Дублировать главу</translation>
    </message>
    <message>
        <source>Delete chapter “%1”</source>
        <translation>Удалить главу «%1»</translation>
    </message>
    <message>
        <source>Move chapter</source>
        <translation>Переместить главу</translation>
    </message>
    <message>
        <source>Place chapter</source>
        <translation>Указать место главы</translation>
    </message>
    <message>
        <source>Remove the chapter&apos;s place</source>
        <translation>Убрать место главы</translation>
    </message>
    <message>
        <source>Edit a translation</source>
        <extracomment>How long typing may pause before the translation is committed (one undo step per burst).</extracomment>
        <translation>Изменить перевод</translation>
    </message>
    <message>
        <source>Clear a translation</source>
        <translation>Очистить перевод</translation>
    </message>
    <message>
        <source>Mark a translation up to date</source>
        <translation>Отметить перевод как актуальный</translation>
    </message>
</context>
<context>
    <name>EditorWindow</name>
    <message>
        <source>Storyport Editor</source>
        <translation>Редактор Storyport</translation>
    </message>
    <message>
        <source>Story</source>
        <translation>История</translation>
    </message>
    <message>
        <source>Chapter</source>
        <translation>Глава</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>Медиафайлы</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message numerus="yes">
        <source>%Ln word(s)</source>
        <translation>
            <numerusform>%Ln слово</numerusform>
            <numerusform>%Ln слова</numerusform>
            <numerusform>%Ln слов</numerusform>
        </translation>
    </message>
    <message>
        <source>Untitled story</source>
        <translation>История без названия</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation> (только чтение)</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Отменить: %1</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Повторить: %1</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>Back to editing</source>
        <translation>Снова редактирование</translation>
    </message>
    <message>
        <source>Preview: this is what readers see. F5 goes back to editing.</source>
        <translation>Просмотр: так историю видят читатели. F5 — обратно к редактированию.</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>Preparing the Khorgos story for its first reading…</source>
        <translation>История о Хоргосе готовится к первому прочтению…</translation>
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
        <translation>Просмотр фотографий</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Previous photo</source>
        <translation>Предыдущее фото</translation>
    </message>
    <message>
        <source>Next photo</source>
        <translation>Следующее фото</translation>
    </message>
    <message numerus="yes">
        <source>Photo %1 of %n</source>
        <translation>
            <numerusform>Фото %1 из %n</numerusform>
            <numerusform>Фото %1 из %n</numerusform>
            <numerusform>Фото %1 из %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n</source>
        <comment>the photo shown, of the chapter&apos;s photos</comment>
        <translation>
            <numerusform>%1 из %n</numerusform>
            <numerusform>%1 из %n</numerusform>
            <numerusform>%1 из %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gallery</name>
    <message>
        <source>Click for full screen (F)</source>
        <extracomment>A caption is never set narrower than this (a portrait photo may be much narrower).</extracomment>
        <translation>Нажмите, чтобы открыть на весь экран (F)</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Photos and recordings</source>
        <translation>Фотографии и записи</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Все файлы</translation>
    </message>
    <message>
        <source>An import is running; wait for it or cancel it first.</source>
        <translation>Идёт импорт: дождитесь его окончания или отмените.</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n file(s)…</source>
        <translation>
            <numerusform>Импорт %n файла…</numerusform>
            <numerusform>Импорт %n файлов…</numerusform>
            <numerusform>Импорт %n файлов…</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopping after this file…</source>
        <translation>Остановка после этого файла…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Импорт %1…</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n file(s)</source>
        <translation>
            <numerusform>Импортирован %n файл</numerusform>
            <numerusform>Импортировано %n файла</numerusform>
            <numerusform>Импортировано %n файлов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused:</source>
        <comment>files not imported</comment>
        <translation>
            <numerusform>%n отклонён:</numerusform>
            <numerusform>%n отклонено:</numerusform>
            <numerusform>%n отклонено:</numerusform>
        </translation>
    </message>
    <message>
        <source>Import photos and recordings</source>
        <translation>Импорт фотографий и записей</translation>
    </message>
    <message>
        <source>Replace the file</source>
        <translation>Заменить файл</translation>
    </message>
    <message>
        <source>Replaced with %1</source>
        <translation>Заменён на %1</translation>
    </message>
    <message>
        <source>Not replaced: %1</source>
        <translation>Не заменён: %1</translation>
    </message>
</context>
<context>
    <name>InsertMedia</name>
    <message>
        <source>Insert media…</source>
        <translation>Вставить медиафайл…</translation>
    </message>
    <message>
        <source>Show one of the package&apos;s images in the text (%1)</source>
        <translation>Показать в тексте одно из изображений пакета (%1)</translation>
    </message>
</context>
<context>
    <name>Kiosk</name>
    <message>
        <source>Touch the screen to begin</source>
        <extracomment>About 25 frames a second: the move is slow (about 20 px a second at 1920 px wide). The cross-fade between two slides, in seconds. How far a slide zooms over its time (1.0 to ZOOM). media id -&gt; decoded image (None when it cannot be had) what the loop asks of a visitor (in the interface&apos;s language)</extracomment>
        <translation>Коснитесь экрана, чтобы начать</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>Interface &amp;language</source>
        <translation>&amp;Язык интерфейса</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>The interface will be in %1 from the next start.</source>
        <translation>Со следующего запуска интерфейс будет на языке: %1.</translation>
    </message>
</context>
<context>
    <name>Library</name>
    <message>
        <source>No password here: it comes from ~/.pgpass or PGPASSWORD</source>
        <translation>Пароля здесь нет: он берётся из ~/.pgpass или PGPASSWORD</translation>
    </message>
    <message>
        <source>&amp;Library:</source>
        <translation>&amp;Библиотека:</translation>
    </message>
</context>
<context>
    <name>LibraryLink</name>
    <message>
        <source>Listing…</source>
        <translation>Получение списка…</translation>
    </message>
    <message>
        <source>Choose a story and where to save it.</source>
        <translation>Выберите историю и место, куда её сохранить.</translation>
    </message>
    <message>
        <source>Pulling %1…</source>
        <translation>Получение %1…</translation>
    </message>
    <message>
        <source>Opened %1 version %2 from the library</source>
        <translation>Из библиотеки открыта версия %2 истории %1</translation>
    </message>
    <message>
        <source>not in the library yet</source>
        <translation>пока нет в библиотеке</translation>
    </message>
    <message>
        <source>nobody holds it</source>
        <translation>никто не держит</translation>
    </message>
    <message>
        <source>held by %1</source>
        <translation>держит %1</translation>
    </message>
    <message>
        <source>Pushing %1…</source>
        <translation>Отправка %1…</translation>
    </message>
    <message>
        <source>Pushed %1 version %2 to the library (%3 media sent, %4 already there)</source>
        <translation>Версия %2 истории %1 отправлена в библиотеку (отправлено медиафайлов: %3, уже были там: %4)</translation>
    </message>
</context>
<context>
    <name>LibraryWatch</name>
    <message>
        <source>%1 pushed version %2 of %3 to the library: File &gt; Open from library… to see it</source>
        <extracomment>the open document it follows</extracomment>
        <translation>%1 — новая версия %2 истории %3 в библиотеке: чтобы её увидеть, Файл &gt; Открыть из библиотеки…</translation>
    </message>
    <message>
        <source>%1 took the lock on %2 in the library</source>
        <translation>%1 теперь держит блокировку истории %2 в библиотеке</translation>
    </message>
    <message>
        <source>%1 released the lock on %2</source>
        <translation>%1 больше не держит блокировку истории %2</translation>
    </message>
</context>
<context>
    <name>LinkOpener</name>
    <message>
        <source>a relative address</source>
        <extracomment>ask(parent, url, where) -&gt; whether the person wants to go there</extracomment>
        <translation>относительный адрес</translation>
    </message>
    <message>
        <source>not opened (%1 links do not open)</source>
        <translation>не открыта (ссылки %1 не открываются)</translation>
    </message>
    <message>
        <source>mail to %1</source>
        <translation>письмо на %1</translation>
    </message>
    <message>
        <source>Open a link</source>
        <translation>Открыть ссылку</translation>
    </message>
    <message>
        <source>This link goes to %1.</source>
        <translation>Эта ссылка ведёт на %1.</translation>
    </message>
</context>
<context>
    <name>MarkerAccessible</name>
    <message>
        <source>%1, chapter %2</source>
        <extracomment>objectName of the viewport whose interface lists the markers</extracomment>
        <translation>%1, глава %2</translation>
    </message>
    <message>
        <source>%1, %n chapters</source>
        <translation>%1, глав: %n</translation>
    </message>
</context>
<context>
    <name>MarkerGroup</name>
    <message>
        <source>Chapter %1: %2. Place: %3</source>
        <translation>Глава %1: %2. Место: %3</translation>
    </message>
    <message>
        <source>chapter %1: %2</source>
        <translation>глава %1: %2</translation>
    </message>
    <message>
        <source>%1, chapters: %2</source>
        <comment>a place on the map and its chapters</comment>
        <translation>%1, главы: %2</translation>
    </message>
</context>
<context>
    <name>MediaChooser</name>
    <message>
        <source>Insert media</source>
        <extracomment>Where an inserted picture sits: its own paragraph (text-column width or the page&apos;s), or on the line after the row of the picture above the cursor.</extracomment>
        <translation>Вставить медиафайл</translation>
    </message>
    <message>
        <source>The package&apos;s images</source>
        <translation>Изображения пакета</translation>
    </message>
    <message>
        <source>Where it sits</source>
        <translation>Расположение</translation>
    </message>
    <message>
        <source>&amp;Inset, as wide as the text</source>
        <translation>В &amp;тексте, по ширине текста</translation>
    </message>
    <message>
        <source>&amp;Full width</source>
        <translation>На &amp;всю ширину</translation>
    </message>
    <message>
        <source>&amp;Side by side with the previous picture</source>
        <translation>&amp;Рядом с предыдущим изображением</translation>
    </message>
    <message>
        <source>No picture above the cursor with room beside it (three at most)</source>
        <translation>Над курсором нет изображения, рядом с которым есть место (не больше трёх в ряд)</translation>
    </message>
    <message>
        <source>Show one of the package&apos;s images in the text:</source>
        <translation>Показать в тексте одно из изображений пакета:</translation>
    </message>
</context>
<context>
    <name>MediaDetails</name>
    <message>
        <source>Choose a photo or recording</source>
        <translation>Выберите фотографию или запись</translation>
    </message>
    <message>
        <source>Removed on import</source>
        <translation>Удалено при импорте</translation>
    </message>
    <message>
        <source>Used in</source>
        <translation>Используется в</translation>
    </message>
    <message>
        <source>Replace file…</source>
        <translation>Заменить файл…</translation>
    </message>
    <message>
        <source>Swap in another file; caption, credit, alt text and licence stay</source>
        <translation>Подставить другой файл; подпись, авторство, альтернативный текст и лицензия сохранятся</translation>
    </message>
    <message>
        <source>Use as cover</source>
        <translation>Сделать обложкой</translation>
    </message>
    <message>
        <source>Delete from library</source>
        <translation>Удалить из медиатеки</translation>
    </message>
    <message>
        <source>Only media no chapter shows can be deleted</source>
        <translation>Удалить можно только то, что не показано ни в одной главе</translation>
    </message>
    <message>
        <source>%1 × %2 px</source>
        <translation>%1 × %2 пикс.</translation>
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
        <translation>ничего (метаданных нет)</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>Обложка</translation>
    </message>
    <message>
        <source>no chapter yet</source>
        <translation>пока ни в одной главе</translation>
    </message>
    <message>
        <source>Cover ✓</source>
        <translation>Обложка ✓</translation>
    </message>
</context>
<context>
    <name>MediaImporter</name>
    <message>
        <source>could not be stored (%1)</source>
        <translation>не удалось сохранить (%1)</translation>
    </message>
    <message>
        <source>the import stopped: %1</source>
        <translation>импорт остановлен: %1</translation>
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
        <translation>Импортировать файлы…</translation>
    </message>
    <message>
        <source>Media details</source>
        <translation>Сведения о медиафайле</translation>
    </message>
</context>
<context>
    <name>OpenDialog</name>
    <message>
        <source>Open from library</source>
        <translation>Открыть из библиотеки</translation>
    </message>
    <message>
        <source>&amp;List stories</source>
        <translation>&amp;Показать истории</translation>
    </message>
    <message>
        <source>&amp;Story:</source>
        <translation>&amp;История:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Обзор…</translation>
    </message>
    <message>
        <source>&amp;Save as:</source>
        <translation>&amp;Сохранить как:</translation>
    </message>
    <message>
        <source>%1: %2 (version %3)</source>
        <translation>%1: %2 (версия %3)</translation>
    </message>
    <message>
        <source> — locked by %1</source>
        <translation> — заблокирована: %1</translation>
    </message>
    <message>
        <source>The library holds no stories yet.</source>
        <translation>В библиотеке пока нет историй.</translation>
    </message>
    <message>
        <source>Save the story as</source>
        <translation>Сохранить историю как</translation>
    </message>
    <message>
        <source>Story packages (*.storypkg)</source>
        <translation>Пакеты историй (*.storypkg)</translation>
    </message>
</context>
<context>
    <name>Opening</name>
    <message>
        <source>Untitled story</source>
        <translation>История без названия</translation>
    </message>
    <message>
        <source>Created %1. Everything you do is saved as you go.</source>
        <translation>Создан %1. Всё, что вы делаете, сохраняется сразу.</translation>
    </message>
    <message>
        <source>Upgraded %1 to the current format; the old file is at %2</source>
        <translation>%1 обновлён до текущего формата; старый файл: %2</translation>
    </message>
    <message>
        <source>Opened %1 read-only</source>
        <translation>%1 открыт только для чтения</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>Открыт %1</translation>
    </message>
    <message>
        <source>New story package</source>
        <translation>Новый пакет истории</translation>
    </message>
    <message>
        <source>Story packages (*.storypkg)</source>
        <translation>Пакеты историй (*.storypkg)</translation>
    </message>
    <message>
        <source>Open a story package</source>
        <translation>Открыть пакет истории</translation>
    </message>
    <message>
        <source>Export a compact copy</source>
        <translation>Экспорт компактной копии</translation>
    </message>
    <message>
        <source>No recent stories</source>
        <translation>Недавних историй нет</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Экспорт в %1…</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Exported a compact copy: %1</source>
        <translation>Компактная копия записана: %1</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Экспорт не удался: %1</translation>
    </message>
    <message>
        <source>%1 is on a read-only medium: read it, or edit a copy</source>
        <translation>%1 находится на носителе только для чтения: читайте его или редактируйте копию</translation>
    </message>
    <message>
        <source>Edit a copy</source>
        <translation>Редактировать копию</translation>
    </message>
    <message>
        <source>Copying %1 to %2…</source>
        <translation>Копирование %1 в %2…</translation>
    </message>
    <message>
        <source>Copying…</source>
        <translation>Копирование…</translation>
    </message>
    <message>
        <source>Editing a copy of %1: %2</source>
        <translation>Редактируется копия %1: %2</translation>
    </message>
    <message>
        <source>The copy could not be made: %1</source>
        <translation>Не удалось сделать копию: %1</translation>
    </message>
</context>
<context>
    <name>PlaceEditor</name>
    <message>
        <source>Search the map&apos;s place names, Enter to place the chapter there</source>
        <extracomment>A click this close to a basemap place takes its name. Besides renumbering, what changes the markers, the map list or the chapter&apos;s place.</extracomment>
        <translation>Поиск названий мест на карте; Enter — поместить главу туда</translation>
    </message>
    <message>
        <source>Search place names</source>
        <translation>Поиск названий мест</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Карта</translation>
    </message>
    <message>
        <source>Place name</source>
        <translation>Название места</translation>
    </message>
    <message>
        <source>Remove place</source>
        <translation>Убрать место</translation>
    </message>
    <message>
        <source>Add the Central Asia basemap</source>
        <translation>Добавить базовую карту Центральной Азии</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Map %1</source>
        <translation>Карта %1</translation>
    </message>
    <message>
        <source>Choose a chapter to place it.</source>
        <translation>Выберите главу, чтобы указать её место.</translation>
    </message>
    <message>
        <source>Not placed yet: click the map or search a place name.</source>
        <translation>Место не указано: щёлкните по карте или найдите название места.</translation>
    </message>
    <message>
        <source>x %1, y %2 (pixels of the picture)</source>
        <translation>x %1, y %2 (пиксели изображения)</translation>
    </message>
    <message>
        <source>Move place</source>
        <translation>Переместить место</translation>
    </message>
    <message>
        <source>Place chapter</source>
        <translation>Указать место главы</translation>
    </message>
    <message>
        <source>No place called “%1” on the map.</source>
        <translation>На карте нет места «%1».</translation>
    </message>
    <message>
        <source>Rename place</source>
        <translation>Переименовать место</translation>
    </message>
</context>
<context>
    <name>ProblemModel</name>
    <message>
        <source>error</source>
        <extracomment>Rows shown at once: a story with thousands of problems lists the first ones (errors first).</extracomment>
        <translation>ошибка</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>предупреждение</translation>
    </message>
    <message>
        <source>%1: %2. Click to go to the field that fixes it.</source>
        <translation>%1: %2. Нажмите, чтобы перейти к полю, где это исправляется.</translation>
    </message>
</context>
<context>
    <name>PublishRun</name>
    <message>
        <source>Publishing the web edition…</source>
        <extracomment>Steps of the progress bar (publish_web reports done/total; this is its resolution).</extracomment>
        <translation>Публикация веб-версии…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Publish web edition</source>
        <translation>Опубликовать веб-версию</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Остановка…</translation>
    </message>
    <message>
        <source>Publishing the web edition: %1</source>
        <translation>Публикация веб-версии: %1</translation>
    </message>
    <message>
        <source>Web edition not published</source>
        <translation>Веб-версия не опубликована</translation>
    </message>
    <message>
        <source>The web edition was not published: %1</source>
        <translation>Веб-версия не опубликована: %1</translation>
    </message>
    <message>
        <source>Publish web edition: choose where its folder goes</source>
        <translation>Публикация веб-версии: выберите, где будет её папка</translation>
    </message>
    <message>
        <source>Publishing cancelled; nothing was written.</source>
        <translation>Публикация отменена; ничего не записано.</translation>
    </message>
    <message>
        <source>Web edition published: open %1</source>
        <translation>Веб-версия опубликована: откройте %1</translation>
    </message>
</context>
<context>
    <name>PushDialog</name>
    <message>
        <source>Push to library</source>
        <translation>Отправить в библиотеку</translation>
    </message>
    <message>
        <source>&amp;Story:</source>
        <translation>&amp;История:</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Что изменилось</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Сообщение:</translation>
    </message>
    <message>
        <source>Lock:</source>
        <translation>Блокировка:</translation>
    </message>
    <message>
        <source>&amp;Push</source>
        <translation>&amp;Отправить</translation>
    </message>
</context>
<context>
    <name>ReadOnlyOffer</name>
    <message>
        <source>Open read-only or edit a copy</source>
        <translation>Открыть только для чтения или редактировать копию</translation>
    </message>
    <message>
        <source>“%1” cannot be edited where it is.</source>
        <translation>«%1» нельзя редактировать там, где он лежит.</translation>
    </message>
    <message>
        <source>Its folder cannot be written (%1). You can read it here, with the editor read-only, or save a copy somewhere else and edit that.</source>
        <translation>В его папку нельзя писать (%1). Его можно читать здесь, в редакторе в режиме только для чтения, или сохранить копию в другом месте и редактировать её.</translation>
    </message>
    <message>
        <source>Read it</source>
        <translation>Читать</translation>
    </message>
    <message>
        <source>Edit a copy…</source>
        <translation>Редактировать копию…</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <source>The map is not available in this build.</source>
        <translation>Карта недоступна в этой сборке.</translation>
    </message>
</context>
<context>
    <name>ReaderWords</name>
    <message numerus="yes">
        <source>A STORY IN %n CHAPTER(S)</source>
        <comment>cover, above the title</comment>
        <extracomment>right to left for Arabic, Persian, Hebrew... (or a story of no language written so)</extracomment>
        <translation>
            <numerusform>ИСТОРИЯ В %n ГЛАВЕ</numerusform>
            <numerusform>ИСТОРИЯ В %n ГЛАВАХ</numerusform>
            <numerusform>ИСТОРИЯ В %n ГЛАВАХ</numerusform>
        </translation>
    </message>
    <message>
        <source>Start reading</source>
        <translation>Начать чтение</translation>
    </message>
    <message>
        <source>Explore the map</source>
        <translation>Исследовать карту</translation>
    </message>
    <message>
        <source>About this story</source>
        <translation>Об этой истории</translation>
    </message>
    <message>
        <source>Cover: %1</source>
        <comment>accessible name</comment>
        <translation>Обложка: %1</translation>
    </message>
    <message>
        <source>Chapter %1 of %2</source>
        <comment>above a chapter&apos;s title</comment>
        <translation>Глава %1 из %2</translation>
    </message>
    <message>
        <source>Chapter %1</source>
        <translation>Глава %1</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <comment>top bar: the chapter shown of how many</comment>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Contents</source>
        <comment>top bar button</comment>
        <translation>Содержание</translation>
    </message>
    <message>
        <source>Cover</source>
        <comment>top bar button</comment>
        <translation>Обложка</translation>
    </message>
    <message>
        <source>Map</source>
        <comment>top bar button</comment>
        <translation>Карта</translation>
    </message>
    <message>
        <source>Previous</source>
        <comment>chapter</comment>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Next</source>
        <comment>chapter</comment>
        <translation>Далее</translation>
    </message>
</context>
<context>
    <name>SoundBlock</name>
    <message>
        <source>Play the chapter&apos;s sound</source>
        <extracomment>Side-by-side photos stack when a cell would be narrower than this. Space between photos in a row, and between a photo and its caption. A photo is never taller than this share of the page&apos;s height (portraits stay sane). A caption is never set narrower than this (a portrait photo may be much narrower).</extracomment>
        <translation>Воспроизвести звук главы</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Звук</translation>
    </message>
    <message>
        <source>Plays as you reach it · A turns this off</source>
        <translation>Звучит, когда вы до него доходите · A — отключить</translation>
    </message>
    <message>
        <source>K plays it · A plays sounds as you reach them</source>
        <translation>K — воспроизвести · A — включать звуки, когда вы до них доходите</translation>
    </message>
    <message>
        <source>Pause the chapter&apos;s sound</source>
        <translation>Приостановить звук главы</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Cancel the import after the file in hand</source>
        <translation>Отменить импорт после текущего файла</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n ошибка</numerusform>
            <numerusform>%n ошибки</numerusform>
            <numerusform>%n ошибок</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n предупреждение</numerusform>
            <numerusform>%n предупреждения</numerusform>
            <numerusform>%n предупреждений</numerusform>
        </translation>
    </message>
    <message>
        <source>ready to publish</source>
        <translation>готово к публикации</translation>
    </message>
    <message>
        <source>no chapters yet</source>
        <translation>глав пока нет</translation>
    </message>
    <message>
        <source>%1 is open read-only: another Storyport is editing it. You can read, preview and export; edits are off.</source>
        <translation>%1 открыт только для чтения: его редактирует другой Storyport. Можно читать, просматривать и экспортировать; правка отключена.</translation>
    </message>
</context>
<context>
    <name>StoryDetails</name>
    <message>
        <source>Choose in the library…</source>
        <translation>Выбрать в медиатеке…</translation>
    </message>
    <message>
        <source>No cover</source>
        <translation>Без обложки</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>Обложка</translation>
    </message>
    <message>
        <source>About the story and its credits (Markdown)</source>
        <translation>Об истории и её авторах (Markdown)</translation>
    </message>
    <message>
        <source>About and credits</source>
        <translation>Об истории и авторы</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Об истории</translation>
    </message>
    <message>
        <source>STORY</source>
        <translation>ИСТОРИЯ</translation>
    </message>
    <message>
        <source>No cover photo yet</source>
        <translation>Фотографии для обложки пока нет</translation>
    </message>
</context>
<context>
    <name>StoryLanguage</name>
    <message>
        <source>The story&apos;s language</source>
        <extracomment>&quot;Original: English&quot; in the languages whose catalogue may not have it yet.</extracomment>
        <translation>Язык истории</translation>
    </message>
</context>
<context>
    <name>StoryMapView</name>
    <message>
        <source>Story map</source>
        <translation>Карта истории</translation>
    </message>
    <message>
        <source>Tab moves between chapter markers, Enter opens one; arrows pan, plus and minus zoom.</source>
        <translation>Tab переходит между метками глав, Enter открывает главу; стрелки сдвигают карту, плюс и минус меняют масштаб.</translation>
    </message>
    <message>
        <source>Maps</source>
        <translation>Карты</translation>
    </message>
    <message>
        <source>The map cannot be shown: %1</source>
        <translation>Карту нельзя показать: %1</translation>
    </message>
    <message>
        <source>The map “%1” cannot be shown. %2</source>
        <translation>Карту «%1» нельзя показать. %2</translation>
    </message>
    <message>
        <source>This story has no map.</source>
        <translation>У этой истории нет карты.</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Карта</translation>
    </message>
    <message>
        <source>Chapters at %1</source>
        <translation>Главы в месте %1</translation>
    </message>
    <message>
        <source>CHAPTER %1 · %2</source>
        <translation>ГЛАВА %1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n CHAPTER(S)</source>
        <translation>
            <numerusform>%1 · %n ГЛАВА</numerusform>
            <numerusform>%1 · %n ГЛАВЫ</numerusform>
            <numerusform>%1 · %n ГЛАВ</numerusform>
        </translation>
    </message>
    <message>
        <source>Click to choose a chapter.</source>
        <translation>Нажмите, чтобы выбрать главу.</translation>
    </message>
    <message>
        <source>Story map, marker %1 of %2: %3</source>
        <translation>Карта истории, метка %1 из %2: %3</translation>
    </message>
</context>
<context>
    <name>ThumbStrip</name>
    <message>
        <source>Photo %1 of %2</source>
        <translation>Фото %1 из %2</translation>
    </message>
    <message>
        <source>Photo %1</source>
        <translation>Фото %1</translation>
    </message>
    <message>
        <source>, shown</source>
        <translation>, показано</translation>
    </message>
</context>
<context>
    <name>TocModel</name>
    <message>
        <source>current</source>
        <translation>текущая</translation>
    </message>
    <message>
        <source>visited</source>
        <translation>прочитана</translation>
    </message>
    <message>
        <source>not yet read</source>
        <translation>ещё не прочитана</translation>
    </message>
    <message>
        <source>Chapter %1: %2, %3</source>
        <translation>Глава %1: %2, %3</translation>
    </message>
</context>
<context>
    <name>TocPanel</name>
    <message>
        <source>CONTENTS</source>
        <extracomment>The item padding of ``#Toc QListView::item`` in ui/theme.py (horizontal, vertical).</extracomment>
        <translation>СОДЕРЖАНИЕ</translation>
    </message>
    <message>
        <source>Table of contents</source>
        <translation>Оглавление</translation>
    </message>
    <message>
        <source>About this story</source>
        <translation>Об этой истории</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Table of contents (T)</source>
        <translation>Оглавление (T)</translation>
    </message>
    <message>
        <source>Back to the cover</source>
        <translation>Вернуться к обложке</translation>
    </message>
    <message>
        <source>The map (M)</source>
        <translation>Карта (M)</translation>
    </message>
    <message>
        <source>Previous chapter (Left, Page Up)</source>
        <translation>Предыдущая глава (Влево, Page Up)</translation>
    </message>
    <message>
        <source>Next chapter (Right, Page Down)</source>
        <translation>Следующая глава (Вправо, Page Down)</translation>
    </message>
</context>
<context>
    <name>TranslationView</name>
    <message>
        <source>Translations</source>
        <translation>Переводы</translation>
    </message>
    <message>
        <source>Language of the translation</source>
        <translation>Язык перевода</translation>
    </message>
    <message>
        <source>Add a language…</source>
        <translation>Добавить язык…</translation>
    </message>
    <message>
        <source>Only missing and out of date</source>
        <translation>Только недостающие и устаревшие</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <source>Texts to translate</source>
        <translation>Тексты для перевода</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Актуален</translation>
    </message>
    <message>
        <source>The translation still holds for the changed original</source>
        <translation>Перевод по-прежнему верен для изменённого оригинала</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Оригинал</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Перевод</translation>
    </message>
    <message>
        <source>Add a language</source>
        <translation>Добавить язык</translation>
    </message>
    <message>
        <source>Language tag (e.g. ru, kk, zh-Hans):</source>
        <translation>Код языка (например, ru, kk, zh-Hans):</translation>
    </message>
    <message>
        <source>No translations yet: add a language.</source>
        <translation>Переводов пока нет: добавьте язык.</translation>
    </message>
    <message>
        <source>%1 of %2 translated · %3 missing · %4 out of date</source>
        <translation>Переведено %1 из %2 · не хватает %3 · устарело %4</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>не хватает</translation>
    </message>
    <message>
        <source>out of date</source>
        <translation>устарел</translation>
    </message>
</context>
<context>
    <name>ValidationPanel</name>
    <message>
        <source>Problems to fix before publishing</source>
        <translation>Что исправить перед публикацией</translation>
    </message>
    <message>
        <source>CHECKS</source>
        <translation>ПРОВЕРКИ</translation>
    </message>
    <message>
        <source>Strip GPS positions, names and other identifying tags from the media that still carry them (one undo step)</source>
        <translation>Удалить GPS-координаты, имена и другие идентифицирующие метки из медиафайлов, где они ещё есть (одно действие отмены)</translation>
    </message>
    <message>
        <source>Nothing to fix.
The story is ready to publish.</source>
        <translation>Исправлять нечего.
История готова к публикации.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <source>Checked as you edit, and again before publishing.</source>
        <translation>Проверяется по ходу правки и ещё раз перед публикацией.</translation>
    </message>
    <message>
        <source>No chapters yet.
Add one, and its checks appear here.</source>
        <translation>Глав пока нет.
Добавьте главу, и её проверки появятся здесь.</translation>
    </message>
    <message>
        <source> The first %1 are listed.</source>
        <translation> Показаны первые %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n ошибка</numerusform>
            <numerusform>%n ошибки</numerusform>
            <numerusform>%n ошибок</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n предупреждение</numerusform>
            <numerusform>%n предупреждения</numerusform>
            <numerusform>%n предупреждений</numerusform>
        </translation>
    </message>
    <message>
        <source>Click one to fix it.</source>
        <translation>Нажмите на пункт, чтобы исправить.</translation>
    </message>
    <message>
        <source>The check could not run: %1</source>
        <translation>Проверку не удалось выполнить: %1</translation>
    </message>
</context>
<context>
    <name>WaveformEdit</name>
    <message>
        <source>Waveform with trim and fade handles</source>
        <translation>Осциллограмма с маркерами обрезки и переходов</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>Storyport Editor</source>
        <translation>Редактор Storyport</translation>
    </message>
    <message>
        <source>Make a story from photos, recordings and places. Everything is saved as you go.</source>
        <translation>Соберите историю из фотографий, записей и мест. Всё сохраняется сразу.</translation>
    </message>
    <message>
        <source>New story…</source>
        <translation>Новая история…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Открыть…</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>Открыть только для чтения</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>RECENT STORIES</source>
        <translation>НЕДАВНИЕ ИСТОРИИ</translation>
    </message>
    <message>
        <source>Recent stories</source>
        <translation>Недавние истории</translation>
    </message>
    <message>
        <source>No stories opened yet. Start one with “New story…”, or drop a .storypkg file on this window.</source>
        <translation>Вы ещё не открывали историй. Начните новую («Новая история…») или перетащите в это окно файл .storypkg.</translation>
    </message>
    <message>
        <source>%1 is being edited in another Storyport (%2). Open it read-only to read, preview and export it?</source>
        <translation>%1 редактируется в другом Storyport (%2). Открыть его только для чтения, чтобы читать, просматривать и экспортировать?</translation>
    </message>
</context>
<context>
    <name>_ImportedFiles</name>
    <message numerus="yes">
        <source>Import %n file(s)</source>
        <translation>
            <numerusform>Импорт %n файла</numerusform>
            <numerusform>Импорт %n файлов</numerusform>
            <numerusform>Импорт %n файлов</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Words</name>
    <message numerus="yes">
        <source>Remove identifying metadata from %n medium(s)…</source>
        <translation>
            <numerusform>Удалить идентифицирующие метаданные из %n файла…</numerusform>
            <numerusform>Удалить идентифицирующие метаданные из %n файлов…</numerusform>
            <numerusform>Удалить идентифицирующие метаданные из %n файлов…</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove identifying metadata</source>
        <translation>Удалить идентифицирующие метаданные</translation>
    </message>
</context>
</TS>
