"""The site's forums (machina `Forum` rows), found by their slug and created when missing: the
demo sets all of them up, and the topic per title (forum/board/topics.py) creates its own on
first use, so a fresh site without the demo works too."""

from django.utils.text import slugify
from machina.apps.forum.models import Forum

# key: (name, description)
FORUMS = {
    "news": ("Новини", "Новини сайту, сезонів і команд озвучення."),
    "anime": ("Обговорення аніме", "Тема для кожного аніме каталогу й вільні розмови."),
    "manga": ("Манґа", "Тема для кожної манґи каталогу, переклади й читання."),
    "dubbing": ("Команди озвучення", "Знайомство з командами, набір учасників, релізи."),
    "site": ("Сайт", "Пропозиції, помилки й питання про AniHata."),
}


def get_forum(key: str) -> Forum:
    """The forum of `key` (FORUMS), created as a top-level forum if it is missing."""
    name, description = FORUMS[key]
    forum = Forum.objects.filter(slug=slugify(name, allow_unicode=True), parent=None).first()
    if forum is None:
        forum = Forum.objects.create(name=name, description=description, type=Forum.FORUM_POST)
    return forum


def ensure_forums() -> int:
    """Create every missing forum of FORUMS; returns how many were created."""
    before = Forum.objects.count()
    for key in FORUMS:
        get_forum(key)
    return Forum.objects.count() - before
