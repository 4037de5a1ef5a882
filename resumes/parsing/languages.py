"""Spoken languages and how well they are spoken: "French (fluent)", "German - B2"."""

import re

_NAMES = (
    "Afrikaans|Albanian|American Sign Language|Amharic|Arabic|Armenian|Assamese|Azerbaijani|"
    "Basque|Belarusian|Bengali|Bhojpuri|Bosnian|Brazilian Portuguese|Breton|"
    "British Sign Language|Bulgarian|Burmese|Cantonese|Catalan|Chinese|Corsican|Creole|"
    "Croatian|Czech|Danish|Dari|Dutch|English|Esperanto|Estonian|Faroese|Farsi|Fijian|"
    "Filipino|Finnish|Flemish|French|Frisian|Galician|Georgian|German|Greek|Guarani|"
    "Gujarati|Haitian Creole|Hausa|Hawaiian|Hebrew|Hindi|Hokkien|Hungarian|Icelandic|Igbo|"
    "Indonesian|Irish|Italian|Japanese|Kannada|Kashmiri|Kazakh|Khmer|Kinyarwanda|Korean|"
    "Kurdish|Lao|Latin|Latvian|Lingala|Lithuanian|Luxembourgish|Macedonian|Malagasy|Malay|"
    "Malayalam|Maltese|Mandarin|Mandarin Chinese|Maori|Marathi|Mongolian|Nepali|Norwegian|"
    "Occitan|Odia|Oromo|Pashto|Persian|Polish|Portuguese|Punjabi|Quechua|Romanian|Romansh|"
    "Russian|Samoan|Sardinian|Scottish Gaelic|Serbian|Sesotho|Setswana|Shona|Sign Language|"
    "Sindhi|Sinhala|Slovak|Slovenian|Somali|Spanish|Swahili|Swedish|Swiss German|Tagalog|"
    "Taiwanese|Tajik|Tamil|Tatar|Telugu|Thai|Tibetan|Tigrinya|Tongan|Turkish|Turkmen|"
    "Ukrainian|Urdu|Uyghur|Uzbek|Vietnamese|Welsh|Wolof|Xhosa|Yiddish|Yoruba|Zulu|"
    "Deutsch|Español|Français|Italiano|Português|Nederlands|Polski|Русский"
)
KNOWN_LANGUAGES = {name.lower(): name for name in _NAMES.split("|")}
_LONGEST_FIRST = sorted(KNOWN_LANGUAGES, key=len, reverse=True)
_LANGUAGE = re.compile(
    r"(?<![\w])(?:" + "|".join(re.escape(name) for name in _LONGEST_FIRST) + r")(?![\w])",
    re.IGNORECASE,
)
_LEVEL_FIRST = re.compile(r"^(?P<level>[\w ./'-]{2,40}?)\s*:\s*(?P<rest>.+)$")
_IN_LANGUAGE = re.compile(r"^(?P<level>[\w ]{3,30}?)\s+in\s+(?P<rest>.+)$", re.IGNORECASE)


def mentions_language(text: str) -> bool:
    return _LANGUAGE.search(text) is not None


def parse_languages(lines: list[str]) -> list[dict]:
    """Languages with their proficiency as written, in order, each once."""
    found: dict[str, dict] = {}
    for line in lines:
        line = line.removeprefix("- ").strip()
        for language, proficiency in _line_items(line):
            if language.lower() not in found:
                found[language.lower()] = {"language": language, "proficiency": proficiency}
    return list(found.values())


def _line_items(line: str) -> list[tuple[str, str | None]]:
    """ "Native: English; Fluent: French, German" and "English (native), French - B2" alike."""
    items: list[tuple[str, str | None]] = []
    for chunk in re.split(r";", line):
        chunk = chunk.strip()
        shared = _shared_level(chunk)
        if shared:
            level, rest = shared
            items += [(name, level) for name, _ in _items(rest)]
        else:
            items += _items(chunk)
    return items


def _shared_level(chunk: str) -> tuple[str, str] | None:
    """A level written once before its languages: "Fluent: French, German", "Fluent in X"."""
    for pattern in (_LEVEL_FIRST, _IN_LANGUAGE):
        match = pattern.match(chunk)
        if (
            match
            and not mentions_language(match.group("level"))
            and mentions_language(match.group("rest"))
        ):
            return match.group("level").strip(), match.group("rest")
    return None


def _items(text: str) -> list[tuple[str, str | None]]:
    items = []
    for part in _split_outside_brackets(text):
        match = _LANGUAGE.search(part)
        if match is None:
            continue
        language = KNOWN_LANGUAGES[match.group(0).lower()]
        level = f"{part[: match.start()]} {part[match.end() :]}"
        items.append((language, _clean_level(level)))
    return items


def _clean_level(text: str) -> str | None:
    text = " ".join(text.split()).lstrip("-\u2013\u2014:").strip()
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        text = text[1:-1]
    return text.strip(" ,.") or None


def _split_outside_brackets(text: str) -> list[str]:
    parts, depth, current = [], 0, []
    for char in text:
        depth += char in "(["
        depth -= char in ")]"
        if depth == 0 and char in ",|•·/":
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [part.strip() for part in parts if part.strip()]
