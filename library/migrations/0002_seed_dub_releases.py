"""Every team already visible on a live episode counts as released: only sources that appear
from now on notify subscribers."""

from django.db import migrations


def seed(apps, schema_editor):
    VideoSource = apps.get_model("anime", "VideoSource")
    DubRelease = apps.get_model("library", "DubRelease")
    seen = {}
    rows = VideoSource.objects.filter(
        is_active=True, dub_team__isnull=False, episode__live=True
    ).values_list("episode_id", "dub_team_id", "language")
    for episode_id, team_id, language in rows.iterator():
        if seen.get((episode_id, team_id)) != "uk":
            seen[(episode_id, team_id)] = language
    DubRelease.objects.bulk_create(
        [
            DubRelease(episode_id=episode_id, dub_team_id=team_id, language=language)
            for (episode_id, team_id), language in seen.items()
        ],
        batch_size=1000,
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [("library", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
