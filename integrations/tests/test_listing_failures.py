"""The failure rule of listing runs (season, top, query; README, «Importers»): a title its
source's mapping cannot read is that title's failure, a listing page that fails is a line in
the run's errors and the run goes on from the next page; only the source's own failure (no
connection, a refusal, pages failing in a row) pauses the run for ``--resume``. Recorded Jikan
season pages: 1 (two titles), 2 (the last, one title)."""

import json

import httpx
import pytest
import respx

from cms.anime.models import AnimePage
from integrations.importers import pipeline
from integrations.models import ImportedTitle
from integrations.providers.http import RetryableError
from integrations.tests.conftest import JIKAN
from integrations.tests.recorded import load

pytestmark = pytest.mark.django_db

SEASON = f"{JIKAN}/seasons/2024/spring"


def season_page(number: int, *, last: bool, source: int = 1, broken_item: int | None = None):
    """A recorded season page served as page ``number``; ``broken_item``: that item's
    ``titles`` is a number, which the mapping cannot read."""
    body = load(f"jikan/season_2024_spring_p{source}")
    body["pagination"].update(current_page=number, has_next_page=not last)
    if broken_item is not None:
        body["data"][broken_item]["titles"] = 5
    return httpx.Response(200, json=body)


def truncated() -> httpx.Response:
    text = json.dumps(load("jikan/season_2024_spring_p1"))[:200]
    return httpx.Response(200, content=text.encode(), headers={"Content-Type": "application/json"})


def serve(pages: dict):
    """Each listing page's answer (a response, or an exception); the routes by page."""
    routes = {}
    for number, answer in pages.items():
        route = respx.get(SEASON, params={"page": str(number)})
        if isinstance(answer, httpx.Response):
            route.mock(return_value=answer)
        else:
            route.mock(side_effect=answer)
        routes[number] = route
    return routes


def run_season(providers):
    run = pipeline.start_run("jikan", "anime", "season", season="2024-spring")
    pipeline.execute(run, publish=True, provider=providers("jikan"))
    run.refresh_from_db()
    return run


def imported_mal_ids() -> set[int]:
    return set(AnimePage.objects.values_list("external_ids__mal", flat=True))


@respx.mock
def test_a_title_the_mapping_cannot_read_fails_alone(tree, providers):
    serve({1: season_page(1, last=False, broken_item=0), 2: season_page(2, last=True, source=2)})
    run = run_season(providers)
    assert (run.status, run.published, run.failed) == ("finished", 2, 1)
    assert imported_mal_ids() == {55644, 52991}
    failed = ImportedTitle.objects.get(state="failed")
    assert failed.external_id == "54492" and "TypeError" in failed.error
    assert [error["item"] for error in run.errors] == ["54492"]


@respx.mock
def test_a_bad_page_is_recorded_and_the_run_goes_on(tree, providers):
    routes = serve(
        {
            1: season_page(1, last=False),
            2: truncated(),
            3: season_page(3, last=True, source=2),
        }
    )
    run = run_season(providers)
    assert (run.status, run.published, run.failed, run.cursor) == ("finished", 3, 1, 4)
    assert routes[2].call_count == 4  # retried, then left for page 3
    assert imported_mal_ids() == {54492, 55644, 52991}
    assert run.errors[0]["item"] == "page 2" and "malformed body" in run.errors[0]["error"]


@respx.mock
def test_a_bad_last_page_ends_the_listing(tree, providers):
    serve(
        {
            1: season_page(1, last=False),
            2: httpx.Response(500),
            3: httpx.Response(404, json={"status": 404, "message": "Not found"}),
        }
    )
    run = run_season(providers)
    assert (run.status, run.published, run.failed) == ("finished", 2, 1)
    assert [error["item"] for error in run.errors] == ["page 2"]


@respx.mock
def test_pages_failing_in_a_row_pause_the_run_until_resumed(tree, providers):
    routes = serve(
        {
            1: season_page(1, last=False),
            2: httpx.Response(503),
            3: httpx.Response(503),
            4: httpx.Response(503),
        }
    )
    run = pipeline.start_run("jikan", "anime", "season", season="2024-spring")
    with pytest.raises(RetryableError, match="3 listing pages in a row"):
        pipeline.execute(run, publish=True, provider=providers("jikan"))
    run.refresh_from_db()
    assert (run.status, run.cursor) == ("failed", 2)  # the first page of the streak
    assert imported_mal_ids() == {54492, 55644}

    routes[2].mock(return_value=season_page(2, last=True, source=2))
    pipeline.execute(run, publish=True, provider=providers("jikan"))
    run.refresh_from_db()
    assert run.status == "finished"
    assert imported_mal_ids() == {54492, 55644, 52991}


@pytest.mark.parametrize(
    "answer",
    [httpx.ConnectError("refused"), httpx.Response(403, text="banned")],
    ids=["unreachable", "refused"],
)
@respx.mock
def test_a_failure_of_the_source_pauses_at_once(tree, providers, answer):
    serve({1: season_page(1, last=False), 2: answer})
    run = pipeline.start_run("jikan", "anime", "season", season="2024-spring")
    with pytest.raises(RetryableError):
        pipeline.execute(run, publish=True, provider=providers("jikan"))
    run.refresh_from_db()
    assert (run.status, run.cursor) == ("failed", 2)
    assert imported_mal_ids() == {54492, 55644}
