"""Visitors' reports of broken videos (one per visitor per source per day)."""

from django.conf import settings
from django.db import models


class BrokenVideoReport(models.Model):
    """A visitor saying a source does not play; staff see them beside the health checks."""

    source = models.ForeignKey(
        "anime.VideoSource", on_delete=models.CASCADE, related_name="broken_reports"
    )
    # The visitor: its session key, or "addr:" and a hash of its address when it has no session
    # (a report never creates one). The account is recorded too when the visitor is signed in.
    session_key = models.CharField(max_length=64)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    day = models.DateField()
    reason = models.CharField("Що сталося", max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Скарга на відео"
        verbose_name_plural = "Скарги на відео"
        ordering = ("-created_at",)
        constraints = (
            models.UniqueConstraint(
                fields=["source", "session_key", "day"], name="one_report_per_session_per_day"
            ),
        )

    def __str__(self) -> str:
        return f"{self.source_id} @ {self.day}"
