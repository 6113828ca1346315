"""The search relevance set: queries a visitor could type, each with the title (page slug of the
demo catalog, `cms/demo/catalog.json`) that must be among the first three results.
Written by hand, not generated from the data; `test_search_relevance.py` runs them."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    query: str
    expected: str  # slug of the page that must be in the top 3
    kind: str | None = None  # the `kind` filter, as the catalog pages send it
    note: str = ""


TOP = 3

CASES = [
    # Ukrainian, as written and in other word forms
    Case("Атака титанів", "attack-on-titan", "anime", "exact"),
    Case("атаку титанів", "attack-on-titan", "anime", "accusative"),
    Case("магічної битви", "jujutsu-kaisen", "anime", "genitive"),
    Case("зошиту смерті", "death-note", "anime", "dative/genitive"),
    Case("клинка, що знищує демонів", "demon-slayer", "anime", "genitive + punctuation"),
    Case("сталевого алхіміка", "fullmetal-alchemist-brotherhood", note="genitive"),
    Case("шпигунську сім'ю", "spy-x-family", "anime", "accusative + apostrophe"),
    Case("шпигунська сімʼя", "spy-x-family", "anime", "Ukrainian apostrophe sign"),
    Case("сага про вінланд", "vinland-saga"),
    Case("мандрівного замку", "howls-moving-castle", note="genitive"),
    Case("вежа бога", "tower-of-god", "manga"),
    # Latin transliteration of Ukrainian names (KMU 2010, as a visitor without a Cyrillic
    # keyboard would type them)
    Case("ataka tytaniv", "attack-on-titan", "anime"),
    Case("mahichna bytva", "jujutsu-kaisen", "anime"),
    Case("zoshyt smerti", "death-note", "anime"),
    Case("liudyna benzopyla", "chainsaw-man", "anime"),
    Case("kovboi bibop", "cowboy-bebop"),
    # Cyrillic spelling of Latin names
    Case("наруто", "naruto", "anime"),
    Case("дандадан", "dandadan"),
    Case("вінланд", "vinland-saga"),
    Case("хеллсінг", "hellsing-ultimate"),
    Case("кімецу но яйба", "demon-slayer", "anime", "romaji in Cyrillic"),
    # English
    Case("Attack on Titan", "attack-on-titan", "anime"),
    Case("death note", "death-note-manga", "manga"),
    Case("spirited away", "spirited-away"),
    Case("your lie in april", "your-lie-in-april"),
    Case("Frieren: Beyond Journey's End", "frieren", "anime"),
    Case("Tower of God", "tower-of-god"),
    # Romaji and native
    Case("shingeki no kyojin", "attack-on-titan", "anime"),
    Case("Sousou no Frieren", "frieren", "anime"),
    Case("tonari no totoro", "my-neighbor-totoro"),
    Case("kimi no na wa", "your-name"),
    Case("進撃の巨人", "attack-on-titan", "anime", "Japanese"),
    # Synonyms and abbreviations
    Case("JJK", "jujutsu-kaisen", "anime"),
    Case("SAO", "sword-art-online-ln"),
    Case("стальний алхімік", "fullmetal-alchemist-brotherhood", "anime"),
    Case("Підняття рівня поодинці", "solo-leveling", "anime"),
    # Typos
    Case("naruta", "naruto", "anime"),
    Case("атака титанов", "attack-on-titan", "anime", "Russian ending"),
    Case("ataka titaniv", "attack-on-titan", "anime", "i for y"),
    Case("евангеліон", "neon-genesis-evangelion", note="е for є"),
    Case("коубой бибоп", "cowboy-bebop"),
    Case("chainsow man", "chainsaw-man", "anime"),
    Case("violet evergardn", "violet-evergarden"),
    Case("фрiрен", "frieren", "anime", "Latin i inside a Cyrillic word"),
    # Prefixes (instant search while typing)
    Case("атак", "attack-on-titan", "anime"),
    Case("фрір", "frieren", "anime"),
    Case("jujut", "jujutsu-kaisen", "anime"),
    # Genre, studio and dub team words
    Case("волейбол спорт", "haikyu"),
    Case("меха психологічне", "neon-genesis-evangelion"),
    Case("Studio Ghibli", "spirited-away"),
    Case("вишневий самурай", "vinland-saga", "anime", "dub team: its best-rated title"),
]
