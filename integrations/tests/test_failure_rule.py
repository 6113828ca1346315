"""The failure rule of a run (README, «Importers»): a title's own failure is recorded on that
title and the run goes on; the source's failure pauses the run for ``--resume``. Also the
kinds a run finds by itself: AniList's answer, Hikka's manga."""

import io
import json

import httpx
import pytest
import respx
from django.core.management import call_command
from django.core.management.base import CommandError

from cms.anime.models import AnimePage
from cms.manga.models import MangaPage
from integrations.importers import pipeline
from integrations.models import ImportedTitle, ImportRun
from integrations.tests.conftest import ANILIST, HIKKA, JIKAN
from integrations.tests.recorded import load, ok

pytestmark = pytest.mark.django_db

NAMES = {6: "Trigun", 7: "Witch Hunter Robin", 8: "Beet the Vandel Buster", 15: "Eyeshield 21"}


def jikan_title(mal_id: int) -> httpx.Response:
    """Jikan's recorded answer for Frieren, renamed to another MAL id."""
    body = load("jikan/anime_52991_full")
    body["data"].update(mal_id=mal_id, title=NAMES[mal_id], title_english=NAMES[mal_id])
    body["data"]["titles"] = [{"type": "Default", "title": NAMES[mal_id]}]
    return httpx.Response(200, json=body)


def truncated(mal_id: int) -> httpx.Response:
    text = json.dumps(load("jikan/anime_52991_full"))
    return httpx.Response(
        200, content=text[:300].encode(), headers={"Content-Type": "application/json"}
    )


def command(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_catalog", *args, verbosity=0, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@respx.mock
def test_one_bad_title_never_stops_a_run(tree, providers):
    for mal_id in (6, 7, 15):
        respx.get(f"{JIKAN}/anime/{mal_id}/full").mock(return_value=jikan_title(mal_id))
    bad = respx.get(f"{JIKAN}/anime/8/full").mock(side_effect=truncated)
    missing = respx.get(f"{JIKAN}/anime/999999/full").mock(
        return_value=httpx.Response(404, json={"status": 404, "message": "Resource does not exist"})
    )
    out, err = command("--source", "jikan", "--ids", "6,8,7,999999,15", "--publish")
    run = ImportRun.objects.get()
    assert (run.status, run.published, run.failed) == ("finished", 3, 2)
    assert bad.call_count == 4 and missing.call_count == 1  # 8 retried, then left for 7 on
    assert sorted(AnimePage.objects.values_list("external_ids__mal", flat=True)) == [6, 7, 15]
    failed = {t.external_id: t for t in ImportedTitle.objects.filter(state="failed")}
    assert set(failed) == {"8", "999999"}
    assert "malformed body" in failed["8"].error and failed["8"].last_run == run
    assert "not found" in failed["999999"].error
    assert [e["item"] for e in run.errors] == ["8", "999999"]
    assert "errors 2" in out and "  8: malformed body" in err and "  999999: not found" in err


@respx.mock
def test_a_failure_on_one_title_then_success_goes_on(tree, providers):
    respx.get(f"{JIKAN}/anime/6/full").mock(return_value=httpx.Response(503))
    respx.get(f"{JIKAN}/anime/7/full").mock(return_value=jikan_title(7))
    run = pipeline.start_run("jikan", "anime", "ids", ids=["6", "7"])
    pipeline.execute(run, provider=providers("jikan"))
    assert (run.status, run.failed, run.created) == ("finished", 1, 1)
    assert ImportedTitle.objects.get(external_id="6").state == "failed"


@respx.mock
def test_server_errors_on_titles_in_a_row_pause_the_run_until_resumed(tree, providers):
    respx.get(f"{JIKAN}/anime/6/full").mock(return_value=jikan_title(6))
    down = [
        respx.get(f"{JIKAN}/anime/{mal_id}/full").mock(return_value=httpx.Response(502))
        for mal_id in (7, 8, 15)
    ]
    run = pipeline.start_run("jikan", "anime", "ids", ids=["6", "7", "8", "15"])
    with pytest.raises(pipeline.SourceDown, match="3 titles in a row"):
        pipeline.execute(run, provider=providers("jikan"))
    run.refresh_from_db()
    assert run.status == "failed" and run.cursor == 2  # back on 7, the first of the streak
    for route, mal_id in zip(down, (7, 8, 15), strict=True):
        route.mock(return_value=jikan_title(mal_id))
    pipeline.execute(run, provider=providers("jikan"))
    assert run.status == "finished" and (run.created, run.updated) == (2, 2)
    assert set(ImportedTitle.objects.values_list("state", flat=True)) == {"new"}


@pytest.mark.parametrize(
    "answer",
    [
        httpx.ConnectError("[Errno 111] Connection refused"),
        httpx.Response(401, json={"message": "Unauthorized"}),
        httpx.Response(429, headers={"Retry-After": "30"}),
    ],
    ids=["connection-refused", "auth", "rate-limit-outlasting-retries"],
)
@respx.mock
def test_a_failure_of_the_source_pauses_at_once(tree, providers, answer):
    respx.get(f"{JIKAN}/anime/6/full").mock(return_value=jikan_title(6))
    route = respx.get(f"{JIKAN}/anime/7/full")
    if isinstance(answer, Exception):
        route.mock(side_effect=answer)
    else:
        route.mock(return_value=answer)
    respx.get(f"{JIKAN}/anime/15/full").mock(return_value=jikan_title(15))
    run = pipeline.start_run("jikan", "anime", "ids", ids=["6", "7", "15"])
    with pytest.raises(pipeline.SourceDown):
        pipeline.execute(run, provider=providers("jikan"))
    run.refresh_from_db()
    assert (run.status, run.cursor, run.created) == ("failed", 2, 1)
    assert not ImportedTitle.objects.filter(external_id="15").exists()


@respx.mock
def test_the_command_names_the_run_to_resume(tree, providers):
    respx.get(f"{JIKAN}/anime/6/full").mock(side_effect=httpx.ConnectError("refused"))
    with pytest.raises(CommandError, match=r"--resume \d+"):
        command("--source", "jikan", "--ids", "6")


@respx.mock
def test_anilist_ids_take_their_kind_from_the_answer(tree, providers):
    route = respx.post(ANILIST).mock(return_value=ok("anilist/media_30002"))
    command("--source", "anilist", "--ids", "30002", "--publish")
    assert "type" not in json.loads(route.calls.last.request.content)["variables"]
    manga = MangaPage.objects.get()
    assert manga.external_ids == {"anilist": 30002, "mal": 2}
    assert ImportedTitle.objects.get().kind == "manga"
    assert not AnimePage.objects.exists()


@pytest.fixture
def one_piece(tree):
    page = MangaPage(title="One Piece", slug="one-piece", format="manga", external_ids={"mal": 13})
    tree["manga"].add_child(instance=page)
    page.save_revision().publish()
    return page


def mock_hikka_one_piece():
    respx.get(f"{HIKKA}/integrations/mal/manga/13").mock(return_value=ok("hikka/mal_manga_13"))
    respx.get(f"{HIKKA}/manga/one-piece-9e7b3a").mock(return_value=ok("hikka/manga_one_piece"))


@pytest.mark.parametrize("ids", [[], ["--ids", "13"]], ids=["every-title", "by-mal-id"])
@respx.mock
def test_hikka_names_manga_too(one_piece, providers, ids):
    mock_hikka_one_piece()
    anime_lookup = respx.get(f"{HIKKA}/integrations/mal/anime/13")
    command("--source", "hikka", *ids)
    one_piece.refresh_from_db()
    assert one_piece.title == "Ван Піс"
    assert one_piece.description.startswith("<p>Монкі Д. Луффі")
    assert one_piece.external_ids["hikka"] == "one-piece-9e7b3a"
    assert not anime_lookup.called  # MAL's anime 13 is another title
