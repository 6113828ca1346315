"""The catalog's shapes in the API, shared by the page types' `api_fields` and by every custom
endpoint: a label (genre, studio) and the one link convention, `SitePathField`.

Link convention: every link our API returns is the page's path on the public site, relative
to its origin (`/anime/<slug>/`, `/anime/<slug>/<n>/`), in a field called `url`. Only
Wagtail's own `meta.html_url` stays absolute (`FRONTEND_URL` + path), as Wagtail defines it."""

from rest_framework import serializers

from .paths import page_path


class SitePathField(serializers.CharField):
    """A page's path on the site ("/anime/<slug>/"), read from its Wagtail `url_path`."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "url_path")
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("help_text", "Шлях сторінки на сайті, напр. /anime/<slug>/")
        super().__init__(**kwargs)

    def to_representation(self, value):
        return page_path(value)


class LabelSerializer(serializers.Serializer):
    """How genres and studios appear in the API."""

    id = serializers.IntegerField()
    slug = serializers.CharField()
    name = serializers.CharField()
    name_en = serializers.CharField()
