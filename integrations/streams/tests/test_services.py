"""Resolution caching: full TTL for good answers, a short one for degraded ones."""

from unittest import mock

import httpx
import respx
from django.core.cache import cache
from django.test import override_settings

from integrations.streams.adapters import SourceSpec
from integrations.streams.services import resolve_cached, resolve_sources

ASHDI = SourceSpec(id=7, provider="ashdi", kind="iframe", url="https://ashdi.vip/vod/7")
PAGE = '<script>new Playerjs({id:"p", file:"https://ashdi.vip/v/7/index.m3u8"})</script>'


def cached_ttl(spec: SourceSpec) -> int:
    with mock.patch.object(cache, "set", wraps=cache.set) as spy:
        resolve_cached(spec)
    (_key, _value, ttl), _ = spy.call_args
    return ttl


@respx.mock
@override_settings(STREAM_RESOLVE_TTL=600, STREAM_RESOLVE_FAILURE_TTL=45)
def test_good_answers_keep_the_configured_ttl_and_degraded_ones_a_short_one():
    route = respx.get(ASHDI.url).mock(return_value=httpx.Response(200, text=PAGE))
    assert cached_ttl(ASHDI) == 600
    route.mock(return_value=httpx.Response(503))
    assert cached_ttl(SourceSpec(**{**ASHDI.__dict__, "id": 8})) == 45


@respx.mock
def test_editing_a_source_changes_its_cache_key():
    respx.get(ASHDI.url).mock(return_value=httpx.Response(200, text=PAGE))
    other_page = '<script>new Playerjs({file:"https://ashdi.vip/v/new/index.m3u8"})</script>'
    respx.get("https://ashdi.vip/vod/8").mock(return_value=httpx.Response(200, text=other_page))
    assert resolve_cached(ASHDI).url.endswith("/v/7/index.m3u8")
    moved = SourceSpec(**{**ASHDI.__dict__, "url": "https://ashdi.vip/vod/8"})
    assert resolve_cached(moved).url.endswith("/v/new/index.m3u8")


@respx.mock
def test_several_sources_resolve_in_parallel_in_order():
    specs = []
    for n in range(4):
        page = f'<script>new Playerjs({{file:"https://ashdi.vip/v/{n}.m3u8"}})</script>'
        respx.get(f"https://ashdi.vip/vod/{n}").mock(return_value=httpx.Response(200, text=page))
        specs.append(
            SourceSpec(id=n, provider="ashdi", kind="iframe", url=f"https://ashdi.vip/vod/{n}")
        )
    expected = [f"https://ashdi.vip/v/{n}.m3u8" for n in range(4)]
    assert [r.url for r in resolve_sources(specs)] == expected


@respx.mock
def test_a_cache_outage_still_resolves():
    respx.get(ASHDI.url).mock(return_value=httpx.Response(200, text=PAGE))
    with (
        mock.patch.object(cache, "get", side_effect=ConnectionError("redis down")),
        mock.patch.object(cache, "set", side_effect=ConnectionError("redis down")),
    ):
        assert resolve_cached(ASHDI).url == "https://ashdi.vip/v/7/index.m3u8"
