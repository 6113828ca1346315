"""Wagtail's pages API as we serve it (`/api/v2/pages/`, `page_preview/`): anonymous answers
cached until the page tree changes, per-type prefetching, `find/` answering the page itself,
our error body and 400s (never 500s) for malformed input."""

import functools
import threading
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.http.request import split_domain_port
from django.utils.functional import SimpleLazyObject
from rest_framework.response import Response
from wagtail.api.v2.serializers import PageParentField, PageSerializer, get_serializer_class
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import (
    MATCH_DEFAULT,
    MATCH_HOSTNAME,
    MATCH_HOSTNAME_DEFAULT,
    MATCH_HOSTNAME_PORT,
)

from config.api_errors import WagtailApiErrorsMixin

from .cache import anonymous_cache


def detail_parameters(view) -> set[str]:
    """What a detail or `find/` answer depends on: Wagtail's own parameters (`fields`, …) and
    `find/`'s (`html_path`, `id`); field filters mean nothing there."""
    return set(view.known_query_parameters) | set(view.find_query_parameters)


def site_url_path(root_url_path: str, html_path: str) -> str:
    """The `url_path` of the page at `html_path` on the site whose root page has
    `root_url_path` ("/anime/x" -> "/home/anime/x/")."""
    parts = [part for part in html_path.split("/") if part]
    return root_url_path + "".join(f"{part}/" for part in parts)


def find_site(request) -> Site | None:
    """The site `Site.find_for_request` finds (Wagtail's rule, `get_site_for_hostname`), with
    its root page's `root_url_path`, `root_path` and `root_depth`, by one raw statement: Wagtail's
    query (an ORM CASE annotation) costs ~1.4 ms of compiling per request, more than the rest
    of `find/`'s lookup."""
    hostname = split_domain_port(request._get_raw_host())[0]
    try:
        port = int(request.get_port())
    except ValueError:
        port = None
    sql = f"""
        SELECT site.*, root.url_path AS root_url_path, root.path AS root_path,
            root.depth AS root_depth
        FROM {Site._meta.db_table} site
        INNER JOIN {Page._meta.db_table} root ON root.id = site.root_page_id
        WHERE site.hostname = %s OR site.is_default_site = %s
    """  # noqa: S608 - table names from the models, values as parameters

    def match(site: Site) -> int:
        if site.hostname != hostname:
            return MATCH_DEFAULT  # the query: a site not matching the hostname is the default
        if site.port == port:
            return MATCH_HOSTNAME_PORT
        return MATCH_HOSTNAME_DEFAULT if site.is_default_site else MATCH_HOSTNAME

    sites = sorted(Site.objects.raw(sql, [hostname, True]), key=match)
    if len(sites) == 1 or (sites and match(sites[0]) < MATCH_DEFAULT):
        return sites[0]
    if sites and match(sites[0]) == MATCH_DEFAULT:
        return sites[len(sites) == 2]
    return None


MAX_PAGE_ID = 2**31 - 1  # page ids are the database's 32-bit integers
SENTINEL_PK = -20261203  # a page id no row has, to find the id among a compiled query's params


@dataclass(frozen=True)
class CompiledFetch:
    """A page type's fetch by id (its table chain, its `api_prefetch` annotations such as an
    episode's neighbours) compiled to SQL once: compiling it cost more than running it."""

    sql: str
    params: tuple
    pk_index: int
    annotations: dict  # name -> expression, whose converters the raw values need
    lookups: tuple  # `prefetch_related` lookups, done per page


@functools.cache
def compiled_fetch(model) -> CompiledFetch | None:
    """`model`'s compiled fetch, or None when the ORM must fetch it (`select_related`)."""
    queryset = model.objects.filter(pk=SENTINEL_PK)
    prefetch = getattr(model, "api_prefetch", None)
    if prefetch is not None and not hasattr(model, "prefetch_for_api"):
        queryset = prefetch(queryset)
    if queryset.query.select_related:
        return None
    sql, params = queryset.query.sql_with_params()
    if list(params).count(SENTINEL_PK) != 1:
        return None
    return CompiledFetch(
        sql=sql,
        params=tuple(params),
        pk_index=list(params).index(SENTINEL_PK),
        annotations=dict(queryset.query.annotations),
        lookups=tuple(queryset._prefetch_related_lookups),
    )


_built = threading.local()


def built_serializer(key, build, context):
    """The serializer `build()` makes, built once per thread and `key` and reused with this
    request's `context`. DRF builds a serializer's fields for every instance (a deep copy of
    each declared field, `build_field` for each model field: ~1.5 ms for a title) and Wagtail
    its serializer class for every request; the result depends only on the model and the
    field selection, so `key` must name both. Per thread, because a serializer holds its
    context: a gthread worker's thread serves one request at a time."""
    serializers = _built.__dict__.setdefault("serializers", {})
    serializer = serializers.get(key)
    if serializer is None:
        serializer = serializers[key] = build()
        serializer.fields  # noqa: B018 - built here, once
    serializer._context = context
    return serializer


class FetchedParentField(PageParentField):
    """`meta.parent` from the parent the view fetched with the page (`api_parent`: one query,
    None when not visible), instead of Wagtail's two (the parent, then whether it is visible),
    serialized as Wagtail does (`PageParentField`) by a serializer built once per type."""

    def get_attribute(self, instance):
        if hasattr(instance, "api_parent"):
            return instance.api_parent
        return super().get_attribute(instance)

    def to_representation(self, value):
        model = value.__class__

        def build():
            fields = ["id", "type", "detail_url", "html_url", "title"]
            meta_fields = ["type", "detail_url", "html_url"]
            return get_serializer_class(model, fields, meta_fields, base=PageSerializer)()

        return built_serializer(("parent", model), build, self.context).to_representation(value)


class CatalogPageSerializer(PageSerializer):
    parent = FetchedParentField(read_only=True)


class CatalogPagesAPIViewSet(WagtailApiErrorsMixin, PagesAPIViewSet):
    """Wagtail's pages endpoint, plus: anonymous answers cached until the tree changes,
    per-type prefetching (`api_prefetch` on a page model), `find/` answering with the page
    (the body `pages/<id>/` has) instead of a redirect to it, details serialized by a
    serializer built once per type, and 400s for malformed input."""

    base_serializer_class = CatalogPageSerializer

    def get_base_queryset(self):
        # Wagtail asks for it for the lookup and again for the serializer's context: read the
        # view restrictions once per request (the queryset itself is never evaluated).
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = super().get_base_queryset()
        return self._base_queryset

    def get_serializer_context(self):
        # Only a parent the view did not fetch (`api_parent`) reads the base queryset: read the
        # view restrictions when it does, not for every request.
        context = super(PagesAPIViewSet, self).get_serializer_context()
        context["base_queryset"] = SimpleLazyObject(self.get_base_queryset)
        return context

    def with_parent(self, page: Page) -> Page:
        """The page with `api_parent`: its parent if visible here (live, public, in the site),
        else None, in one query."""
        parent_path = page.path[: -Page.steplen]
        page.api_parent = self.get_base_queryset().filter(path=parent_path).first()
        return page

    def get_queryset(self):
        queryset = super().get_queryset()
        prefetch = getattr(queryset.model, "api_prefetch", None)
        return prefetch(queryset) if prefetch else queryset

    def get_object(self):
        # Wagtail asks for the object more than once per request: fetch only the first time.
        if not hasattr(self, "_prefetched_object"):
            page = None
            lean = not set(self.request.GET) & detail_parameters(self)  # no `site=`, `fields=`
            site = find_site(self.request) if lean else None
            pk = int(self.kwargs["pk"])
            if site is not None and pk <= MAX_PAGE_ID:  # a larger id is no page (nor a 500)
                page = self.find_visible(site, "id", pk)
            if page is None:
                page = super().get_object()
                page = self.with_parent(self.fetch_specific(type(page), page.pk))
            self._prefetched_object = page
        return self._prefetched_object

    @staticmethod
    def fetch_specific(model, pk) -> Page:
        """The page as its own type, with the type's prefetching (`api_prefetch`, or one
        page's own `prefetch_for_api` when the type has it), by SQL compiled once per type."""
        fetch = compiled_fetch(model)
        if fetch is not None:
            params = list(fetch.params)
            params[fetch.pk_index] = pk
            page = list(model.objects.raw(fetch.sql, params))[0]
            for name, expression in fetch.annotations.items():
                value = getattr(page, name)
                for convert in [
                    *connection.ops.get_db_converters(expression),
                    *expression.get_db_converters(connection),
                ]:
                    value = convert(value, expression, connection)
                setattr(page, name, value)
            if hasattr(page, "prefetch_for_api"):
                page.prefetch_for_api()
            else:
                prefetch_related_objects([page], *fetch.lookups)
            return page
        prefetch = getattr(model, "api_prefetch", None)
        queryset = model.objects.filter(pk=pk)
        return (prefetch(queryset) if prefetch else queryset)[0]

    def detail_response(self, page: Page) -> Response:
        """`page`'s detail body, as Wagtail's detail view makes it (its serializer class for
        the model, every default field), the serializer built once per type and thread."""
        if "fields" in self.request.GET:  # a field selection: Wagtail's own, built per request
            return super().detail_view(self.request, page.pk)
        router = self.request.wagtailapi_router
        model = type(page)

        def build():
            return self._get_serializer_class(router, model, [], show_details=True)()

        context = self.get_serializer_context()
        serializer = built_serializer(("detail", router, model), build, context)
        return Response(serializer.to_representation(page))

    @anonymous_cache("pages")  # unknown parameters are a 400 here, never cached
    def listing_view(self, request):
        return super().listing_view(request)

    @anonymous_cache("page", known_parameters=detail_parameters)
    def detail_view(self, request, pk):
        return self.detail_response(self.get_object())

    @anonymous_cache("find", known_parameters=detail_parameters)
    def find_view(self, request):
        """The page at `html_path` (or `id`) itself: one request per page for the front end."""
        page = None
        html_path = request.GET.get("html_path", "")
        lean = set(request.GET) & detail_parameters(self) == {"html_path"}
        site = find_site(request) if lean and "\x00" not in html_path else None
        if site is not None:
            url_path = site_url_path(site.root_url_path, html_path)
            page = self.find_visible(site, "url_path", url_path)
        if page is None:
            try:
                page = self.find_object(self.get_queryset(), request)
            except self.model.DoesNotExist:
                page = None
            if page is None:
                raise Http404("not found")
            # The page is known to be visible: fetch it once, as its type with its prefetching.
            page = self.with_parent(self.fetch_specific(page.specific_class or type(page), page.pk))
        self._prefetched_object = page
        self.kwargs[self.lookup_field] = page.pk
        return self.detail_response(page)

    def find_visible(self, site: Site, column: str, value) -> Page | None:
        """The visible page of `site` whose `column` ("url_path" or "id") is `value`, with
        its `api_parent`, when no view restriction applies to it (else None: the generic
        lookup decides, as the request may pass it). One statement finds the page, its parent
        and whether a restriction applies; then the page is fetched as its type with its
        prefetching. Raises 404 when no live page of the site is there."""
        page_table = Page._meta.db_table
        sql = f"""
            SELECT parent.*, page.id AS found_id, page.content_type_id AS found_type,
                (SELECT COUNT(*) FROM {PageViewRestriction._meta.db_table} restriction
                    INNER JOIN {page_table} restricted ON restricted.id = restriction.page_id
                    WHERE restricted.path = SUBSTR(page.path, 1, LENGTH(restricted.path))
                ) AS found_restrictions
            FROM {page_table} page
            INNER JOIN {page_table} parent
                ON parent.path = SUBSTR(page.path, 1, LENGTH(page.path) - %s)
            WHERE page.{column} = %s AND page.live = %s AND SUBSTR(page.path, 1, %s) = %s
            ORDER BY page.path
        """  # noqa: S608 - table and column names from the code, values as parameters
        params = [Page.steplen, value, True, len(site.root_path), site.root_path]
        parent = next(iter(Page.objects.raw(sql, params)), None)
        if parent is None:
            raise Http404("not found")
        if parent.found_restrictions:
            return None
        model = ContentType.objects.get_for_id(parent.found_type).model_class() or Page
        page = self.fetch_specific(model, parent.found_id)
        # The page is public, so is its parent: visible when live and in the site.
        page.api_parent = parent if parent.live and parent.depth >= site.root_depth else None
        return page

    def find_object(self, queryset, request):
        # By the indexed url_path (catalog 0006) rather than Wagtail's walk down the tree: our
        # pages route by slug only (no RoutablePage), so the two find the same page.
        site = Site.find_for_request(request)
        if "html_path" in request.GET and site is not None:
            if "\x00" in request.GET["html_path"]:
                return None  # no path holds NUL, and PostgreSQL refuses it in a query
            url_path = site_url_path(site.root_page.url_path, request.GET["html_path"])
            return queryset.filter(url_path=url_path).first()
        return super().find_object(queryset, request)


class PagePreviewAPIViewSet(WagtailApiErrorsMixin, PagesAPIViewSet):
    """`/api/v2/page_preview/1/?content_type=app.model&token=…`: the draft an editor is
    previewing (wagtail-headless-preview). A bad or expired token is a 404, never a 500."""

    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["content_type", "token"])

    def listing_view(self, request):
        return self.detail_view(request, pk=None)

    def detail_view(self, request, pk):
        return Response(self.get_serializer(self.get_object()).data)

    def get_object(self):
        from django.contrib.contenttypes.models import ContentType
        from django.core.signing import BadSignature
        from django.http import Http404
        from wagtail_headless_preview.models import PagePreview

        app_label, _, model = self.request.GET.get("content_type", "").partition(".")
        try:
            content_type = ContentType.objects.get_by_natural_key(app_label, model)
            page_class = content_type.model_class()
            page_class.get_preview_signer().unsign(self.request.GET.get("token", ""))
            preview = PagePreview.objects.get(
                content_type=content_type, token=self.request.GET["token"]
            )
        except (ContentType.DoesNotExist, AttributeError, BadSignature, PagePreview.DoesNotExist):
            raise Http404("Попередній перегляд не знайдено або він застарів.") from None
        page = preview.as_page()
        if not page.pk:
            page.pk = 0  # a new page: the serializer's URL routing needs some id
        return page
