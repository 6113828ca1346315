"""The Wagtail API v2 router (`/api/v2/`): pages, images, headless preview."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.images.api.v2.views import ImagesAPIViewSet

from cms.catalog.api import CatalogPagesAPIViewSet, PagePreviewAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", CatalogPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("page_preview", PagePreviewAPIViewSet)
