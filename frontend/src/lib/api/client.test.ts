import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, apiGet, apiGetOrNull, apiUrl, toQueryString } from "./client";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

function stubFetch(status: number, body: unknown) {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify(body), { status }));
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

describe("toQueryString", () => {
  it("repeats arrays and skips empty values", () => {
    expect(toQueryString({ genre: ["a", "b"], year: 2020, q: "", none: undefined, off: null })).toBe(
      "?genre=a&genre=b&year=2020",
    );
    expect(toQueryString({})).toBe("");
  });
});

describe("apiUrl", () => {
  it("prefixes API_URL without a trailing slash", () => {
    vi.stubEnv("API_URL", "http://api.internal:8000/");
    expect(apiUrl("/api/v2/titles/", { kind: "anime" })).toBe("http://api.internal:8000/api/v2/titles/?kind=anime");
  });
});

describe("apiGet", () => {
  it("caches with tags and revalidate", async () => {
    const fetchMock = stubFetch(200, { ok: true });
    await expect(apiGet("http://api/x/", { tags: ["catalog"], revalidate: 60 })).resolves.toEqual({ ok: true });
    expect(fetchMock).toHaveBeenCalledWith(
      "http://api/x/",
      expect.objectContaining({ next: { tags: ["catalog"], revalidate: 60 } }),
    );
  });

  it("never caches draft reads", async () => {
    const fetchMock = stubFetch(200, {});
    await apiGet("http://api/preview/", { draft: true });
    expect(fetchMock).toHaveBeenCalledWith("http://api/preview/", expect.objectContaining({ cache: "no-store" }));
  });

  it("throws ApiError with the parsed body on 400", async () => {
    stubFetch(400, { genre: ["unknown"] });
    const error = await apiGet("http://api/x/").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).body).toEqual({ genre: ["unknown"] });
  });

  it("turns 404 into null only in apiGetOrNull", async () => {
    stubFetch(404, { message: "not found" });
    await expect(apiGetOrNull("http://api/missing/")).resolves.toBeNull();
    stubFetch(500, "boom");
    await expect(apiGetOrNull("http://api/broken/")).rejects.toBeInstanceOf(ApiError);
  });
});
