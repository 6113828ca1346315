"""Wagtail's pages API as we serve it (`/api/v2/pages/`, `page_preview/`): anonymous answers
cached until the page tree changes, per-type prefetching, `find/` answering the page itself,
our error body and 400s (never 500s) for malformed input."""

from django.http import Http404
from rest_framework.response import Response
from wagtail.api.v2.serializers import PageParentField, PageSerializer
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Page, Site

from config.api_errors import WagtailApiErrorsMixin

from .cache import anonymous_cache


def detail_parameters(view) -> set[str]:
    """What a detail or `find/` answer depends on: Wagtail's own parameters (`fields`, …) and
    `find/`'s (`html_path`, `id`); field filters mean nothing there."""
    return set(view.known_query_parameters) | set(view.find_query_parameters)


class FetchedParentField(PageParentField):
    """`meta.parent` from the parent the view fetched with the page (`api_parent`: one query,
    None when not visible), instead of Wagtail's two (the parent, then whether it is visible)."""

    def get_attribute(self, instance):
        if hasattr(instance, "api_parent"):
            return instance.api_parent
        return super().get_attribute(instance)


class CatalogPageSerializer(PageSerializer):
    parent = FetchedParentField(read_only=True)


class CatalogPagesAPIViewSet(WagtailApiErrorsMixin, PagesAPIViewSet):
    """Wagtail's pages endpoint, plus: anonymous answers cached until the tree changes,
    per-type prefetching (`api_prefetch` on a page model), `find/` answering with the page
    (the body `pages/<id>/` has) instead of a redirect to it, and 400s for malformed input."""

    base_serializer_class = CatalogPageSerializer

    def get_base_queryset(self):
        # Wagtail asks for it for the lookup and again for the serializer's context: read the
        # view restrictions once per request (the queryset itself is never evaluated).
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = super().get_base_queryset()
        return self._base_queryset

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
        # Wagtail asks for the object more than once per request: prefetch only the first time.
        if not hasattr(self, "_prefetched_object"):
            page = super().get_object()
            prefetch = getattr(type(page), "api_prefetch", None)
            if prefetch:
                page = prefetch(type(page).objects.filter(pk=page.pk))[0]
            self._prefetched_object = self.with_parent(page)
        return self._prefetched_object

    @anonymous_cache("pages")  # unknown parameters are a 400 here, never cached
    def listing_view(self, request):
        return super().listing_view(request)

    @anonymous_cache("page", known_parameters=detail_parameters)
    def detail_view(self, request, pk):
        return super().detail_view(request, pk)

    @anonymous_cache("find", known_parameters=detail_parameters)
    def find_view(self, request):
        """The page at `html_path` (or `id`) itself: one request per page for the front end."""
        try:
            page = self.find_object(self.get_queryset(), request)
        except self.model.DoesNotExist:
            page = None
        if page is None:
            raise Http404("not found")
        # The page is known to be visible: fetch it once, as its type with its prefetching.
        model = page.specific_class or type(page)
        prefetch = getattr(model, "api_prefetch", None)
        queryset = model.objects.filter(pk=page.pk)
        page = (prefetch(queryset) if prefetch else queryset)[0]
        self._prefetched_object = self.with_parent(page)
        self.kwargs[self.lookup_field] = page.pk
        return super().detail_view(request, page.pk)

    def find_object(self, queryset, request):
        # By the indexed url_path (catalog 0006) rather than Wagtail's walk down the tree: our
        # pages route by slug only (no RoutablePage), so the two find the same page.
        site = Site.find_for_request(request)
        if "html_path" in request.GET and site is not None:
            if "\x00" in request.GET["html_path"]:
                return None  # no path holds NUL, and PostgreSQL refuses it in a query
            parts = [part for part in request.GET["html_path"].split("/") if part]
            url_path = site.root_page.url_path + "".join(f"{part}/" for part in parts)
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
