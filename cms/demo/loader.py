"""The offline demo catalog (`manage.py load_demo`): the page tree, genres, studios, dub teams,
anime with episodes and video sources, manga with chapters, generated posters and logos.

Every write goes through `upsert_page`/`upsert_snippet`, which compare first and write only
what differs, so a second run writes nothing at all (no revisions, no log entries)."""

import hashlib
import io
import json
import uuid
from datetime import date, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from cms.anime.models import AnimeIndexPage, AnimePage, EpisodePage, VideoSource
from cms.catalog.models import Genre, HomePage, Studio
from cms.dubbing.models import DubTeamIndexPage, DubTeamPage
from cms.manga.models import ChapterPage, MangaIndexPage, MangaPage, chapter_slug

DATA_FILE = Path(__file__).with_name("catalog.json")

# Public HLS test streams (they stand in for a dub team's uploads).
MASTER_PLAYLIST = "https://test-streams.mux.dev/x36xhzz/x36xhzz.m3u8"
MASTER_PLAYLIST_2 = "https://bitdash-a.akamaihd.net/content/sintel/hls/playlist.m3u8"
APPLE_GEARS = "https://devstreaming-cdn.apple.com/videos/streaming/examples/bipbop_16x9/gear{}/prog_index.m3u8"
QUALITY_PLAYLISTS = {
    "360": APPLE_GEARS.format(2),
    "540": APPLE_GEARS.format(3),
    "720": APPLE_GEARS.format(4),
}
IFRAME_PLAYER = "https://www.youtube.com/embed/aqz-KE-bpKQ"


class DemoStats:
    def __init__(self):
        self.created = 0
        self.updated = 0

    def __str__(self):
        return f"створено {self.created}, оновлено {self.updated}"


def load_catalog_data() -> dict:
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


def normalised(value: Any) -> Any:
    """Model values and JSON values in one comparable form."""
    if isinstance(value, Decimal):
        return value.normalize()
    if isinstance(value, float):
        return Decimal(str(value)).normalize()
    if isinstance(value, date | time):
        return value.isoformat()
    return value


def differs(instance, fields: dict) -> bool:
    return any(normalised(getattr(instance, k)) != normalised(v) for k, v in fields.items())


def upsert_snippet(model, slug: str, fields: dict, stats: DemoStats):
    obj = model.objects.filter(slug=slug).first()
    if obj is None:
        stats.created += 1
        return model.objects.create(slug=slug, **fields)
    if differs(obj, fields):
        for name, value in fields.items():
            setattr(obj, name, value)
        obj.save()
        stats.updated += 1
    return obj


def upsert_page(parent: Page, model, slug: str, fields: dict, stats: DemoStats, **relations):
    """Create or update a live page under `parent`; `relations` are many-to-many snippets."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        set_relations(page, relations)
        parent.add_child(instance=page)
        page.save_revision(log_action=False).publish(log_action=False)
        stats.created += 1
        return page
    if differs(page, fields) or any(
        relation_key(getattr(page, name).all()) != relation_key(values)
        for name, values in relations.items()
    ):
        for name, value in fields.items():
            setattr(page, name, value)
        set_relations(page, relations)
        page.save_revision(log_action=False).publish(log_action=False)
        stats.updated += 1
    return page


def set_relations(page: Page, relations: dict) -> None:
    for name, values in relations.items():  # many-to-many snippets
        getattr(page, name).set(values)


def relation_key(values) -> list:
    """Snippets compare by id."""
    return sorted(value.pk for value in values)


def source_key(sources) -> list:
    """Video sources compare by their content (repr: rows without a team sort too)."""
    rows = [
        (
            source.dub_team_id,
            source.language,
            source.kind,
            source.provider,
            source.url,
            json.dumps(source.variants, sort_keys=True),
            json.dumps(source.subtitles),
        )
        for source in sources
    ]
    return sorted(rows, key=repr)


def sync_sources(episode: EpisodePage, sources: list[VideoSource], stats: DemoStats) -> None:
    """Make the episode's video sources (rows of their own, not page content) `sources`."""
    if source_key(episode.sources.all()) == source_key(sources):
        return
    episode.sources.all().delete()
    for source in sources:
        source.episode = episode
        source.save()
    stats.updated += 1


# --- Generated artwork (offline: no poster host is reachable from here) ----------------------


def poster_svg(title: str, subtitle: str, color: str) -> str:
    from html import escape

    words, lines, line = title.split(), [], ""
    for word in words:
        if len(line) + len(word) > 14 and line:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    text = "".join(
        f'<tspan x="24" dy="{0 if i == 0 else 38}">{escape(part)}</tspan>'
        for i, part in enumerate(lines[:5])
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="460" height="650" viewBox="0 0 460 650">'
        f'<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" '
        f'stop-color="{color}"/><stop offset="1" stop-color="#0b0d12"/></linearGradient></defs>'
        '<rect width="460" height="650" fill="url(#g)"/>'
        '<circle cx="380" cy="90" r="140" fill="#ffffff" fill-opacity="0.06"/>'
        f'<text y="470" font-family="Manrope, Inter, sans-serif" font-size="34" font-weight="800" '
        f'fill="#ffffff">{text}</text>'
        f'<text x="24" y="620" font-family="Manrope, Inter, sans-serif" font-size="18" '
        f'fill="#ffd43b">{escape(subtitle)}</text></svg>'
    )


def store_file(path: str, content: bytes) -> None:
    """Write a media file only when its content differs."""
    if default_storage.exists(path):
        with default_storage.open(path, "rb") as existing:
            if existing.read() == content:
                return
        default_storage.delete(path)
    default_storage.save(path, ContentFile(content))


def poster_color(slug: str) -> str:
    hue = int(hashlib.sha1(slug.encode()).hexdigest()[:2], 16) / 255
    import colorsys

    r, g, b = colorsys.hls_to_rgb(hue, 0.38, 0.55)
    return f"#{int(r * 255):02x}{int(g * 255):02x}{int(b * 255):02x}"


def demo_poster(kind: str, item: dict) -> str:
    path = f"demo/posters/{kind}-{item['slug']}.svg"
    subtitle = " · ".join(str(x) for x in (item.get("title_en"), item.get("year")) if x)
    store_file(path, poster_svg(item["title"], subtitle, poster_color(item["slug"])).encode())
    return settings.MEDIA_URL + path


LOGO_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"  # Debian's fonts-dejavu-core


def team_initials(name: str) -> str:
    """«Тиха Гавань» → «ТГ», «Ліхтарик» → «ЛІ»: the initials the site's team chips show."""
    words = [word for word in name.split() if word[:1].isalnum()]
    if len(words) >= 2:
        return (words[0][0] + words[1][0]).upper()
    return (words[0][:2] if words else "?").upper()


def team_logo(team: dict):
    """A round PNG logo with the team's initials (Cyrillic, as its name is written), stored once
    as a Wagtail image."""
    from PIL import Image as PILImage
    from PIL import ImageDraw, ImageFont

    Image = get_image_model()
    initials = team_initials(team["title"])
    title = f"Логотип: {team['title']} ({initials})"
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    size = 256
    canvas = PILImage.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(canvas)
    draw.ellipse((0, 0, size - 1, size - 1), fill=team.get("color") or "#2aa4f4")
    try:
        font = ImageFont.truetype(LOGO_FONT, 100)
    except OSError:  # no DejaVu: Pillow's own font (its Cyrillic may be missing)
        font = ImageFont.load_default(size=100)
    draw.text((size / 2, size / 2), initials, font=font, fill="white", anchor="mm")
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    image = Image(title=title, file=ImageFile(buffer, name=f"logo-{team['slug']}.png"))
    image.save()
    return image


# --- The tree --------------------------------------------------------------------------------


def ensure_home(stats: DemoStats) -> HomePage:
    """Make a HomePage the default site's root, replacing Wagtail's placeholder page."""
    home = HomePage.objects.first()
    root = Page.get_first_root_node()
    if home is None:
        home = HomePage(title="AniHata", slug="home", intro="Аніме українською")
        placeholder = Page.objects.filter(depth=2, slug="home").exclude(
            content_type__model="homepage"
        )
        for page in placeholder:
            page.delete()
        root.add_child(instance=home)
        home.save_revision(log_action=False).publish(log_action=False)
        stats.created += 1
    site = Site.objects.filter(is_default_site=True).first()
    from urllib.parse import urlsplit

    frontend = urlsplit(settings.FRONTEND_URL)
    site_fields = {
        "hostname": frontend.hostname or "localhost",
        "port": frontend.port or (443 if frontend.scheme == "https" else 80),
        "root_page_id": home.id,
        "site_name": "AniHata",
    }
    if site is None:
        Site.objects.create(is_default_site=True, **site_fields)
    elif differs(site, site_fields):
        Site.objects.filter(pk=site.pk).update(**site_fields)
    return home


def load_dub_teams(data: dict, parent: DubTeamIndexPage, stats: DemoStats) -> dict[str, Any]:
    teams = {}
    for team in data["dub_teams"]:
        fields = {
            "title": team["title"],
            "description": team.get("description", ""),
            "links": team.get("links", []),
            "color": team.get("color", ""),
            "founded": team.get("founded"),
            "usual_delay_hours": team.get("usual_delay_hours"),
            "logo": team_logo(team),
        }
        teams[team["slug"]] = upsert_page(parent, DubTeamPage, team["slug"], fields, stats)
    return teams


def title_fields(kind: str, item: dict) -> dict:
    return {
        "title": item["title"],
        "title_en": item.get("title_en") or "",
        "title_romaji": item.get("title_romaji") or "",
        "title_native": item.get("title_native") or "",
        "synonyms": item.get("synonyms") or [],
        "description": item.get("description") or "",
        "format": item["format"],
        "status": item["status"],
        "start_date": date.fromisoformat(item["start_date"]) if item.get("start_date") else None,
        "end_date": date.fromisoformat(item["end_date"]) if item.get("end_date") else None,
        "season": item.get("season") or "",
        "year": item.get("year"),
        "age_rating": item.get("age_rating") or "",
        "poster_url": demo_poster(kind, item),
        "external_ids": item.get("external_ids") or {},
        "external_score": (
            Decimal(str(item["external_score"])) if item.get("external_score") is not None else None
        ),
    }


def episode_sources(title_index: int, episode: int, dubs: list, teams: dict) -> list[VideoSource]:
    """Spread the demo's stream kinds over the catalog: the first title shows two dubs plus the
    original, the second per-quality playlists, the third an iframe player."""
    sources = []
    for position, slug in enumerate(dubs):
        if title_index == 1 and position == 0:
            stream = {"kind": "hls_variants", "provider": "direct", "variants": QUALITY_PLAYLISTS}
        elif title_index == 2 and position == 0:
            stream = {"kind": "iframe", "provider": "iframe", "url": IFRAME_PLAYER}
        else:
            url = MASTER_PLAYLIST if (episode + position) % 2 else MASTER_PLAYLIST_2
            stream = {"kind": "hls", "provider": "direct", "url": url}
        sources.append(VideoSource(dub_team=teams[slug], language="uk", **stream))
    if title_index == 0:
        sources.append(
            VideoSource(language="ja", kind="hls", provider="direct", url=MASTER_PLAYLIST_2)
        )
    for order, source in enumerate(sources):
        source.sort_order = order
    return sources


def load_anime(data: dict, parent: AnimeIndexPage, teams: dict, genres, studios, stats) -> None:
    for index, item in enumerate(data["anime"]):
        fields = title_fields("anime", item)
        fields["episodes_total"] = item.get("episodes_total")
        fields["episode_duration"] = item.get("episode_duration")
        broadcast = item.get("broadcast") or {}
        fields["broadcast_weekday"] = broadcast.get("weekday")
        fields["broadcast_time"] = (
            time.fromisoformat(broadcast["time"]) if broadcast.get("time") else None
        )
        fields["broadcast_timezone"] = broadcast.get("timezone", "Asia/Tokyo")
        anime = upsert_page(
            parent,
            AnimePage,
            item["slug"],
            fields,
            stats,
            genres=[genres[s] for s in item.get("genres", [])],
            studios=[studios[s] for s in item.get("studios", [])],
        )
        dubs = [slug for slug in item.get("dubs", []) if slug in teams]
        duration = (item.get("episode_duration") or 24) * 60
        episode_titles = item.get("episode_titles") or []
        for number in range(1, (item.get("demo_episodes") or 0) + 1):
            is_movie = item["format"] == "movie"
            if is_movie:
                episode_title = item["title"]
            elif number <= len(episode_titles):
                episode_title = episode_titles[number - 1]
            else:
                episode_title = f"Серія {number}"
            episode_fields = {
                "title": episode_title,
                "number": number,
                "duration": duration,
                "intro_start": None if is_movie else 5,
                "intro_end": None if is_movie else 20,
                "outro_start": None if is_movie else max(duration - 90, 30),
                "outro_end": None if is_movie else max(duration - 10, 40),
            }
            episode = upsert_page(anime, EpisodePage, str(number), episode_fields, stats)
            sync_sources(episode, episode_sources(index, number, dubs, teams), stats)


def load_manga(data: dict, parent: MangaIndexPage, teams: dict, genres, studios, stats) -> None:
    for item in data["manga"]:
        fields = title_fields("manga", item)
        manga = upsert_page(
            parent,
            MangaPage,
            item["slug"],
            fields,
            stats,
            genres=[genres[s] for s in item.get("genres", [])],
            studios=[studios[s] for s in item.get("studios", []) if s in studios],
        )
        translators = [teams[slug] for slug in item.get("translators", []) if slug in teams]
        for chapter in item.get("chapters", []):
            number = Decimal(str(chapter["number"]))
            slug = chapter_slug(number)
            chapter_fields = {
                "title": chapter.get("title") or f"Розділ {chapter['number']}",
                "volume": chapter.get("volume"),
                "number": number,
                "language": "uk",
                "translator": translators[0] if translators else None,
                # Ids MangaDex does not have: the e2e runner serves them from a local fixture
                # (MANGADEX_BASE_URL); elsewhere the reader says the chapter is unavailable.
                "mangadex_chapter_id": str(
                    uuid.uuid5(uuid.NAMESPACE_URL, f"anihata-demo/{item['slug']}/{slug}")
                ),
                "page_urls": [],
            }
            upsert_page(manga, ChapterPage, slug, chapter_fields, stats)


@transaction.atomic
def load_demo() -> DemoStats:
    stats = DemoStats()
    data = load_catalog_data()
    home = ensure_home(stats)
    anime_index = upsert_page(home, AnimeIndexPage, "anime", {"title": "Аніме"}, stats)
    manga_index = upsert_page(home, MangaIndexPage, "manga", {"title": "Манга"}, stats)
    team_index = upsert_page(
        home, DubTeamIndexPage, "dub-teams", {"title": "Команди озвучення"}, stats
    )
    genres = {
        g["slug"]: upsert_snippet(
            Genre, g["slug"], {"name": g["name"], "name_en": g["name_en"]}, stats
        )
        for g in data["genres"]
    }
    studios = {
        s["slug"]: upsert_snippet(
            Studio, s["slug"], {"name": s["name"], "name_en": s.get("name_en", s["name"])}, stats
        )
        for s in data["studios"]
    }
    teams = load_dub_teams(data, team_index, stats)
    load_anime(data, anime_index, teams, genres, studios, stats)
    load_manga(data, manga_index, teams, genres, studios, stats)
    return stats
