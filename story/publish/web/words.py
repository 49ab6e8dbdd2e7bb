"""The web edition's own words (buttons, labels, the kicker) in each language it speaks.

The desktop reader's words are in Qt catalogues (``ui/translations/*.ts``),
which the story layer may not import and a browser cannot read. A published
page needs few words, so they are kept here as a small table, written into
``index.html`` (the top bar, the viewer) and ``data/story.js`` (``words``,
for the script). The wording follows the desktop catalogues where the same
thing is said. A language not in the table gets English words; the story's
own texts are still in its language.

``{n}``, ``{total}``, ``{name}`` and ``{title}`` are filled in by the page.
"""

from __future__ import annotations

import re

EN: dict[str, str] = {
    "skip": "Skip to the story",
    "story_nav": "Story",
    "prev_chapter": "Previous chapter",
    "prev_tip": "Previous chapter (Left)",
    "next_chapter": "Next chapter",
    "next_tip": "Next chapter (Right)",
    "contents": "Contents",
    "contents_tip": "Contents (T)",
    "map": "Map",
    "map_tip": "Map (M)",
    "noscript": "This story needs JavaScript to show its chapters.",
    "photo": "Photo",
    "prev_photo": "Previous photo",
    "next_photo": "Next photo",
    "close": "Close",
    "language": "Language",
    "chapter_of": "Chapter {n} of {total}",
    "start": "Start reading",
    "continue_at": "Continue at chapter {n}",
    "explore": "Explore the map",
    "about": "About this story",
    "back_cover": "Back to the cover",
    "open_full": "Open full screen",
    "sound": "Sound",
    "transcript": "Transcript",
    "photos": "Photos",
    "chapters": "Chapters",
    "licence": "Licence",
    "photo_of": "Photo {n} of {total}",
    "map_named": "Map: {name}",
    "picture_map": "Picture map: {name}",
    "maps": "Maps",
    "zoom_in": "Zoom in",
    "zoom_out": "Zoom out",
    "map_region": "Map: scroll, drag or pinch to zoom and move",
    "on_map": "Chapters on this map",
    "marker": "Chapter {n}: {title}",
    "visited": "visited",
}

RU: dict[str, str] = {
    "skip": "Перейти к истории",
    "story_nav": "История",
    "prev_chapter": "Предыдущая глава",
    "prev_tip": "Предыдущая глава (Влево)",
    "next_chapter": "Следующая глава",
    "next_tip": "Следующая глава (Вправо)",
    "contents": "Содержание",
    "contents_tip": "Содержание (T)",
    "map": "Карта",
    "map_tip": "Карта (M)",
    "noscript": "Чтобы показать главы этой истории, нужен JavaScript.",
    "photo": "Фото",
    "prev_photo": "Предыдущее фото",
    "next_photo": "Следующее фото",
    "close": "Закрыть",
    "language": "Язык",
    "chapter_of": "Глава {n} из {total}",
    "start": "Начать чтение",
    "continue_at": "Продолжить с главы {n}",
    "explore": "Исследовать карту",
    "about": "Об этой истории",
    "back_cover": "Вернуться к обложке",
    "open_full": "Открыть во весь экран",
    "sound": "Звук",
    "transcript": "Расшифровка",
    "photos": "Фотографии",
    "chapters": "Главы",
    "licence": "Лицензия",
    "photo_of": "Фото {n} из {total}",
    "map_named": "Карта: {name}",
    "picture_map": "Карта-изображение: {name}",
    "maps": "Карты",
    "zoom_in": "Увеличить",
    "zoom_out": "Уменьшить",
    "map_region": "Карта: прокрутка, перетаскивание или щипок для масштаба",
    "on_map": "Главы на этой карте",
    "marker": "Глава {n}: {title}",
    "visited": "прочитано",
}

KK: dict[str, str] = {
    "skip": "Әңгімеге өту",
    "story_nav": "Әңгіме",
    "prev_chapter": "Алдыңғы тарау",
    "prev_tip": "Алдыңғы тарау (Солға)",
    "next_chapter": "Келесі тарау",
    "next_tip": "Келесі тарау (Оңға)",
    "contents": "Мазмұны",
    "contents_tip": "Мазмұны (T)",
    "map": "Карта",
    "map_tip": "Карта (M)",
    "noscript": "Бұл әңгіменің тарауларын көрсету үшін JavaScript қажет.",
    "photo": "Фото",
    "prev_photo": "Алдыңғы фото",
    "next_photo": "Келесі фото",
    "close": "Жабу",
    "language": "Тіл",
    "chapter_of": "{n}-тарау, барлығы {total}",
    "start": "Оқуды бастау",
    "continue_at": "{n}-тараудан жалғастыру",
    "explore": "Картаны зерттеу",
    "about": "Әңгіме туралы",
    "back_cover": "Мұқабаға оралу",
    "open_full": "Толық экранда ашу",
    "sound": "Дыбыс",
    "transcript": "Жазба мәтіні",
    "photos": "Фотолар",
    "chapters": "Тараулар",
    "licence": "Лицензия",
    "photo_of": "{n}-фото, барлығы {total}",
    "map_named": "Карта: {name}",
    "picture_map": "Сурет-карта: {name}",
    "maps": "Карталар",
    "zoom_in": "Үлкейту",
    "zoom_out": "Кішірейту",
    "map_region": "Карта: масштаб пен орын үшін айналдыру, сүйреу не шымшу",
    "on_map": "Осы картадағы тараулар",
    "marker": "{n}-тарау: {title}",
    "visited": "оқылған",
}

ZH_CN: dict[str, str] = {
    "skip": "跳到故事",
    "story_nav": "故事",
    "prev_chapter": "上一章",
    "prev_tip": "上一章（左方向键）",
    "next_chapter": "下一章",
    "next_tip": "下一章（右方向键）",
    "contents": "目录",
    "contents_tip": "目录（T）",
    "map": "地图",
    "map_tip": "地图（M）",
    "noscript": "本故事需要 JavaScript 才能显示各章。",
    "photo": "照片",
    "prev_photo": "上一张照片",
    "next_photo": "下一张照片",
    "close": "关闭",
    "language": "语言",
    "chapter_of": "第 {n} 章，共 {total} 章",
    "start": "开始阅读",
    "continue_at": "从第 {n} 章继续",
    "explore": "浏览地图",
    "about": "关于这个故事",
    "back_cover": "返回封面",
    "open_full": "全屏打开",
    "sound": "声音",
    "transcript": "文字稿",
    "photos": "照片",
    "chapters": "章节",
    "licence": "许可",
    "photo_of": "第 {n} 张，共 {total} 张",
    "map_named": "地图：{name}",
    "picture_map": "图片地图：{name}",
    "maps": "地图",
    "zoom_in": "放大",
    "zoom_out": "缩小",
    "map_region": "地图：滚动、拖动或双指缩放",
    "on_map": "本地图上的章节",
    "marker": "第 {n} 章：{title}",
    "visited": "已读",
}

TABLE: dict[str, dict[str, str]] = {"en": EN, "ru": RU, "kk": KK, "zh-CN": ZH_CN}

#: Each language's name in itself, for the language switch.
NAMES: dict[str, str] = {
    "en": "English",
    "ru": "Русский",
    "kk": "Қазақша",
    "zh": "中文",
    "zh-CN": "中文（简体）",
    "zh-TW": "中文（繁體）",
    "de": "Deutsch",
    "fr": "Français",
    "es": "Español",
    "uk": "Українська",
    "ky": "Кыргызча",
    "uz": "Oʻzbekcha",
    "tr": "Türkçe",
    "ar": "العربية",
    "he": "עברית",
    "fa": "فارسی",
    "ur": "اردو",
}

#: Languages written right to left (their pages get ``dir="rtl"``).
RTL = frozenset({"ar", "he", "iw", "fa", "ur", "ps", "yi", "dv", "ckb", "sd", "ug"})

_CODE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


def tag(code: str) -> str:
    """A package's language code as a BCP 47 tag: ``zh_CN`` -> ``zh-CN`` ("" if not one)."""
    t = code.strip().replace("_", "-")
    if not _CODE.match(t):
        return ""
    head, *rest = t.split("-")
    return "-".join([head.lower(), *(r.upper() if len(r) == 2 else r for r in rest)])


def _base(t: str) -> str:
    return t.split("-")[0]


def words(code: str) -> dict[str, str]:
    """The page's words in ``code`` (its base language's, else English), every key present."""
    t = tag(code)
    found = TABLE.get(t) or TABLE.get(_base(t))
    if found is None:
        found = next((w for k, w in TABLE.items() if _base(k) == _base(t)), EN)
    return {**EN, **found}


def name(code: str) -> str:
    """The language's name in itself, for the switch (the tag when it is not known)."""
    t = tag(code) or code
    return NAMES.get(t) or NAMES.get(_base(t)) or t


def direction(code: str) -> str:
    return "rtl" if _base(tag(code)) in RTL else "ltr"
