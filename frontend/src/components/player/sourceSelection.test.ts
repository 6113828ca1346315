import { describe, expect, it } from "vitest";
import {
  activeMark,
  chooseDub,
  dubKey,
  dubOptions,
  pickQuality,
  streamFor,
  UNAVAILABLE_MESSAGE,
} from "./sourceSelection";
import type { PlaybackData, PlaybackSource } from "@/lib/api/playback";

function source(patch: Partial<PlaybackSource>): PlaybackSource {
  return {
    id: 1,
    provider: "direct",
    kind: "hls",
    url: "https://cdn/master.m3u8",
    qualities: [],
    subtitles: [],
    iframe_url: null,
    message: null,
    ...patch,
  };
}

const team = (slug: string) => ({
  id: slug.length,
  slug,
  title: slug.toUpperCase(),
  logo_url: null,
  url: `/dub-teams/${slug}/`,
});

function data(groups: PlaybackData["groups"]): PlaybackData {
  return {
    episode: { id: 5, number: 1, title: "", intro: null, outro: null },
    previous: null,
    next: null,
    groups,
  };
}

describe("dubOptions", () => {
  it("makes one option per group, preferring a playable source", () => {
    const options = dubOptions(
      data([
        {
          language: "uk",
          dub_team: team("fanvox"),
          sources: [
            source({ id: 1, kind: "unavailable", url: null, message: "нема" }),
            source({ id: 2, kind: "iframe", url: null, iframe_url: "https://ashdi.vip/vod/1" }),
            source({ id: 3 }),
          ],
        },
        { language: "ja", dub_team: null, sources: [source({ id: 4 })] },
        { language: "en", dub_team: null, sources: [] },
      ]),
    );
    expect(options.map((o) => [o.key, o.label, o.source.id])).toEqual([
      ["uk:fanvox", "FANVOX", 3],
      ["ja:original", "Японська (оригінал)", 4],
    ]);
  });
});

describe("chooseDub", () => {
  const options = dubOptions(
    data([
      { language: "ja", dub_team: null, sources: [source({ id: 1 })] },
      { language: "uk", dub_team: team("a"), sources: [source({ id: 2 })] },
      { language: "uk", dub_team: team("b"), sources: [source({ id: 3 })] },
      { language: "uk", dub_team: team("dead"), sources: [source({ id: 4, kind: "unavailable" })] },
    ]),
  );

  it("keeps the remembered dub when the episode has it", () => {
    expect(chooseDub(options, dubKey("uk", "b"))?.source.id).toBe(3);
  });

  it("falls back to a Ukrainian dub, then to the first", () => {
    expect(chooseDub(options, "uk:gone")?.source.id).toBe(2);
    expect(chooseDub(options.slice(0, 1), null)?.source.id).toBe(1);
  });

  it("does not open an unavailable dub while another one plays", () => {
    expect(chooseDub(options, "uk:dead")?.source.id).toBe(2);
    expect(chooseDub(options.slice(3), "uk:dead")?.source.id).toBe(4);
    expect(chooseDub([], null)).toBeNull();
  });
});

describe("pickQuality", () => {
  const q = [1080, 720, 480].map((h) => ({ label: `${h}p`, height: h, url: `u${h}` }));

  it("takes the remembered height, else the nearest lower, else the lowest", () => {
    expect(pickQuality(q, 720)).toBe(1);
    expect(pickQuality(q, 900)).toBe(1);
    expect(pickQuality(q, 360)).toBe(2);
    expect(pickQuality(q, null)).toBe(0);
    expect(pickQuality([], 720)).toBe(-1);
  });
});

describe("streamFor", () => {
  it("returns the master playlist, a chosen per-quality playlist, or the iframe", () => {
    expect(streamFor(source({}), 0)).toEqual({ mode: "hls", url: "https://cdn/master.m3u8" });
    const variants = source({
      url: null,
      qualities: [
        { label: "1080p", height: 1080, url: "a" },
        { label: "480p", height: 480, url: "b" },
      ],
    });
    expect(streamFor(variants, 1)).toEqual({ mode: "hls", url: "b" });
    const iframe = source({ kind: "iframe", url: null, iframe_url: "https://ashdi.vip/vod/1" });
    expect(streamFor(iframe, 0)).toEqual({ mode: "iframe", url: "https://ashdi.vip/vod/1" });
  });

  it("explains an unavailable source in Ukrainian", () => {
    expect(streamFor(source({ kind: "unavailable", url: null, message: "Провайдер мовчить" }), 0)).toEqual({
      mode: "unavailable",
      message: "Провайдер мовчить",
    });
    expect(streamFor(source({ kind: "hls", url: null }), 0)).toEqual({
      mode: "unavailable",
      message: UNAVAILABLE_MESSAGE,
    });
  });
});

describe("activeMark", () => {
  const marks = { intro: { start: 2, end: 10 }, outro: { start: 80, end: 90 } };
  it("offers a skip only inside a mark", () => {
    expect(activeMark(1, marks)).toBeNull();
    expect(activeMark(2, marks)).toBe("intro");
    expect(activeMark(9.8, marks)).toBeNull();
    expect(activeMark(85, marks)).toBe("outro");
    expect(activeMark(85, { intro: null, outro: null })).toBeNull();
  });
});
