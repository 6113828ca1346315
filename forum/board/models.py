"""The one link our side of the forum keeps: which machina topic discusses which title page."""

from django.db import models


class TitleTopic(models.Model):
    """The discussion topic of a title (AnimePage or MangaPage), made on its first publish."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name="Тайтл"
    )
    topic = models.OneToOneField(
        "forum_conversation.Topic",
        on_delete=models.CASCADE,
        related_name="title_link",
        verbose_name="Тема",
    )

    class Meta:
        verbose_name = "Тема тайтлу"
        verbose_name_plural = "Теми тайтлів"

    def __str__(self):
        return f"{self.page_id} → {self.topic_id}"
