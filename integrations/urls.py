"""API routes of this app, included under /api/."""

urlpatterns = []
