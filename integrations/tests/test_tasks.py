"""The Celery tasks (run eagerly here) are thin: they start runs and call the pipeline, and
retry only on retryable provider errors."""

import httpx
import pytest
import respx
from celery.exceptions import Retry

from cms.anime.models import AnimePage, EpisodePage
from integrations import tasks
from integrations.models import ImportRun
from integrations.providers.base import NotFound
from integrations.tests.conftest import JIKAN
from integrations.tests.recorded import ok

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def eager(settings, providers, monkeypatch):
    """Run tasks in-process even where CI configures a broker (REDIS_URL)."""
    settings.CELERY_TASK_ALWAYS_EAGER = True
    monkeypatch.setitem(tasks.run_import.app.conf, "task_always_eager", True)
    monkeypatch.setitem(tasks.run_import.app.conf, "task_eager_propagates", True)


@respx.mock
def test_import_titles_task_publishes(tree):
    respx.get(f"{JIKAN}/anime/52991/full").mock(return_value=ok("jikan/anime_52991_full"))
    tasks.import_titles.delay("jikan", "anime", [52991], True)
    assert AnimePage.objects.get().external_ids == {"mal": 52991}
    assert ImportRun.objects.get().status == "finished"


@respx.mock
def test_run_import_retries_a_source_outage_and_resumes(tree):
    route = respx.get(f"{JIKAN}/anime/52991/full").mock(
        side_effect=[httpx.Response(503)] * 4 + [ok("jikan/anime_52991_full")]
    )
    run = ImportRun.objects.create(
        source="jikan", kind="anime", mode="ids", params={"ids": ["52991"]}
    )
    with pytest.raises(Retry):  # autoretry: Celery schedules the task again
        tasks.run_import.delay(run.pk, True)
    run.refresh_from_db()
    assert run.status == "failed" and not AnimePage.objects.exists()
    tasks.run_import.delay(run.pk, True)  # the retry resumes the same run
    run.refresh_from_db()
    assert route.call_count == 5 and run.status == "finished"
    assert AnimePage.objects.count() == 1


@respx.mock
def test_sync_ongoing_and_new_episodes(tree):
    respx.get(f"{JIKAN}/anime/52991/full").mock(return_value=ok("jikan/anime_52991_full"))
    tasks.import_titles.delay("jikan", "anime", [52991], True)
    tasks.sync_ongoing.delay()
    assert ImportRun.objects.filter(params__ids=["52991"]).count() == 2
    respx.get(f"{JIKAN}/anime/52991/episodes").mock(return_value=ok("jikan/episodes_52991_p2"))
    tasks.detect_new_episodes.delay()
    assert list(EpisodePage.objects.values_list("number", flat=True)) == [3]


@respx.mock
def test_final_errors_are_not_retried(tree):
    anime = tree["anime"].add_child(
        instance=AnimePage(
            title="X", slug="x", format="tv", status="ongoing", external_ids={"mal": 404}
        )
    )
    route = respx.get(f"{JIKAN}/anime/404/episodes").mock(return_value=httpx.Response(404))
    with pytest.raises(NotFound):
        tasks.detect_episodes_for.delay(anime.pk)
    assert route.call_count == 1
