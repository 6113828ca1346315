"""Reader API routes, included under /api/."""

from django.urls import path

from . import views

urlpatterns = [
    path("reader/chapters/<int:pk>/", views.ReaderChapterView.as_view(), name="reader-chapter"),
    path(
        "reader/chapters/<int:pk>/pages/<int:index>/",
        views.ReaderPageImageView.as_view(),
        name="reader-page-image",
    ),
]
