"""Routes of the library app, included under `/api/` by config/urls.py."""

from django.urls import path

from . import api, reading

app_name = "library"

urlpatterns = [
    path("me/list/", api.ListView.as_view(), name="list"),
    path("me/list/import/", api.MalImportView.as_view(), name="list-import"),
    path("me/list/export/", api.MalExportView.as_view(), name="list-export"),
    path("me/list/<int:title_id>/", api.ListEntryView.as_view(), name="list-entry"),
    path("me/progress/", api.ProgressListView.as_view(), name="progress"),
    path("me/progress/<int:episode_id>/", api.ProgressView.as_view(), name="progress-episode"),
    path("me/reading/", reading.ReadingListView.as_view(), name="reading"),
    path("me/reading/<int:chapter_id>/", reading.ReadingView.as_view(), name="reading-chapter"),
    path("me/history/", api.HistoryView.as_view(), name="history"),
    path("me/subscriptions/", api.SubscriptionsView.as_view(), name="subscriptions"),
    path(
        "me/subscriptions/<int:subscription_id>/",
        api.SubscriptionView.as_view(),
        name="subscription",
    ),
    path("me/notifications/", api.NotificationsView.as_view(), name="notifications"),
    path("me/notifications/read/", api.NotificationsReadView.as_view(), name="notifications-read"),
]
