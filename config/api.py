"""The Wagtail API v2 router (`/api/v2/`): pages, images, headless preview."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.images.api.v2.views import ImagesAPIViewSet

from cms.catalog.api import CatalogPagesAPIViewSet, PagePreviewAPIViewSet

from .api_errors import WagtailApiErrorsMixin


class CatalogImagesAPIViewSet(WagtailApiErrorsMixin, ImagesAPIViewSet):
    """Wagtail's images endpoint with our error body and bounded integer parameters."""


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", CatalogPagesAPIViewSet)
api_router.register_endpoint("images", CatalogImagesAPIViewSet)
api_router.register_endpoint("page_preview", PagePreviewAPIViewSet)
