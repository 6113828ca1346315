"""Transliteration of names between the Ukrainian and the Latin alphabet. Index time: every
title name is also indexed in the other alphabet ("ataka tytaniv" finds "Атака титанів",
"наруто" finds "Naruto"); query time: the similarity pass tries the query in both."""

import re
import unicodedata

from translitua import UkrainianKMU, translit

CYRILLIC = re.compile(r"[а-яіїєґё]", re.IGNORECASE)
WORD = re.compile(r"[\w'ʼ’]+")
# Latin to Ukrainian the way Ukrainian spells borrowed (English, Japanese) names, longest first.
LATIN_TO_CYRILLIC = [
    ("shch", "щ"), ("tsu", "цу"), ("sh", "ш"), ("ch", "ч"), ("zh", "ж"), ("kh", "х"),
    ("ts", "ц"), ("ya", "я"), ("yu", "ю"), ("yo", "йо"), ("ye", "є"), ("yi", "ї"), ("ia", "я"),
    ("iu", "ю"), ("ie", "є"), ("ph", "ф"), ("th", "т"), ("ck", "к"), ("oo", "у"), ("ee", "і"),
    ("a", "а"), ("b", "б"), ("c", "к"), ("d", "д"), ("e", "е"), ("f", "ф"), ("g", "г"),
    ("h", "х"), ("i", "і"), ("j", "дж"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"),
    ("o", "о"), ("p", "п"), ("q", "к"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"),
    ("v", "в"), ("w", "в"), ("x", "кс"), ("y", "и"), ("z", "з"),
]  # fmt: skip
VOWELS = set("aeiouy")


def latin_to_cyrillic(word: str) -> str:
    """A Latin name as Ukrainian spells it: "naruto" -> "наруто", "haikyu" -> "хайкю" (i or y
    after a vowel is "й": "kaisen" -> "кайсен")."""
    word = word.lower()
    out, position = [], 0
    while position < len(word):
        previous = word[position - 1] if position else ""
        if word[position] in "iy" and previous in VOWELS:
            rest = word[position:]
            if not any(rest.startswith(pair) for pair in ("ya", "yu", "yo", "ye", "yi")):
                out.append("й")
                position += 1
                continue
        for latin, cyrillic in LATIN_TO_CYRILLIC:
            if word.startswith(latin, position):
                out.append(cyrillic)
                position += len(latin)
                break
        else:
            out.append(word[position])  # digits and letters outside the table stay
            position += 1
    return "".join(out)


def cyrillic_to_latin(word: str) -> str:
    """The official Ukrainian romanisation (KMU 2010): "титанів" -> "tytaniv"."""
    return translit(word, UkrainianKMU).lower()


def other_script(text: str) -> str:
    """Each word of `text` in the other alphabet; words in neither are dropped."""
    forms = []
    for word in WORD.findall(unicodedata.normalize("NFC", text)):
        if CYRILLIC.search(word):
            forms.append(cyrillic_to_latin(word))
        elif word.isascii() and any(ch.isalpha() for ch in word):
            forms.append(latin_to_cyrillic(word))
    return " ".join(form for form in forms if form)


def transliterated_names(names) -> str:
    """The index-time companion of a title's names: every name in the other alphabet."""
    return " | ".join(form for name in names if name and (form := other_script(name)))
