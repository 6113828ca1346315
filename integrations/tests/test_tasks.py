"""The Celery tasks (run eagerly here) are thin: they start runs and call the pipeline, and
retry only on retryable provider errors."""

import httpx
import pytest
import respx
from celery.exceptions import Retry

from cms.anime.models import AnimePage, EpisodePage
from integrations import tasks
from integrations.models import ImportRun
from integrations.providers.http import NotFound
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
        # No connection at all is the source's failure (a 5xx on one title is the title's).
        side_effect=[httpx.ConnectError("Connection refused")] * 4 + [ok("jikan/anime_52991_full")]
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


def test_tasks_skip_rows_that_disappeared(tree):
    """A row deleted between enqueueing and running is skipped, not an error to retry."""
    with respx.mock(assert_all_called=False) as router:
        assert tasks.run_import.delay(999_999).get() is None
        assert tasks.detect_episodes_for.delay(999_999).get() == 0
        assert tasks.import_chapters_for.delay(999_999, True).get() == 0
        assert not router.calls
    from integrations.importers import review

    with pytest.raises(review.ReviewError):
        review.publish_new(999_999)


@respx.mock
def test_a_big_run_goes_in_bounded_batches_each_enqueuing_the_next(tree, monkeypatch):
    route = respx.get(url__regex=rf"{JIKAN}/anime/\d+/full").mock(
        return_value=ok("jikan/anime_52991_full")
    )
    batches = []
    execute = tasks.pipeline.execute

    def recorded(run, **kwargs):
        batches.append((run.cursor, kwargs["max_items"]))
        return execute(run, **kwargs)

    monkeypatch.setattr(tasks, "RUN_BATCH", 2)
    monkeypatch.setattr(tasks.pipeline, "execute", recorded)
    run_id = tasks.import_titles.delay("jikan", "anime", [1, 2, 3, 4, 5]).get()
    run = ImportRun.objects.get(pk=run_id)
    assert batches == [(1, 2), (3, 2), (5, 2)]
    assert (run.status, run.fetched, route.call_count) == ("finished", 5, 5)


def test_fan_outs_enqueue_a_bounded_batch_then_the_next(tree, monkeypatch):
    airing = [
        tree["anime"].add_child(
            instance=AnimePage(
                title=f"A{n}", slug=f"a{n}", format="tv", status="ongoing", next_episode_number=2
            )
        )
        for n in range(3)
    ]
    fan_outs, per_title = [], []
    detect = tasks.children.detect_new_episodes
    airing_ids = tasks.children.airing_anime_ids

    def selected(after=0, limit=None):
        fan_outs.append(after)
        return airing_ids(after=after, limit=limit)

    def detected(anime_id):
        per_title.append(anime_id)
        return detect(anime_id)

    monkeypatch.setattr(tasks, "FAN_OUT_BATCH", 2)
    monkeypatch.setattr(tasks.children, "airing_anime_ids", selected)
    monkeypatch.setattr(tasks.children, "detect_new_episodes", detected)
    tasks.detect_new_episodes.delay()
    ids = [page.pk for page in airing]
    assert fan_outs == [0, ids[1]]
    assert per_title == ids
    assert EpisodePage.objects.count() == 3
