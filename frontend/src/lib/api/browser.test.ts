import { afterEach, describe, expect, it, vi } from "vitest";
import {
  BrowserApiError,
  FALLBACK_ERROR_MESSAGE,
  NETWORK_ERROR_MESSAGE,
  browserGet,
  browserPost,
  browserRequest,
  buildPath,
  csrfToken,
  errorFromBody,
} from "./browser";

afterEach(() => {
  vi.unstubAllGlobals();
  document.cookie = "csrftoken=; expires=Thu, 01 Jan 1970 00:00:00 GMT";
});

function stubFetch(status: number, body: unknown) {
  const fetchMock = vi.fn<(url: string, init: RequestInit) => Promise<Response>>(
    async () => new Response(typeof body === "string" ? body : JSON.stringify(body), { status }),
  );
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

describe("buildPath", () => {
  it("fills path parameters and appends the query", () => {
    expect(buildPath("/api/playback/episodes/{id}/", { id: 7 }, { q: "атака", kind: "", x: ["a", "b"] })).toBe(
      "/api/playback/episodes/7/?q=%D0%B0%D1%82%D0%B0%D0%BA%D0%B0&x=a&x=b",
    );
    expect(() => buildPath("/api/x/{id}/")).toThrow(/id/);
  });
});

describe("csrfToken", () => {
  it("reads Django's csrftoken cookie", () => {
    expect(csrfToken("sessionid=1; csrftoken=abc%3D; other=2")).toBe("abc=");
    expect(csrfToken("sessionid=1")).toBeNull();
  });
});

describe("errorFromBody", () => {
  it("reads the API's detail and parameter", () => {
    const error = errorFromBody(400, { detail: "Невідомий жанр.", parameter: "genre" });
    expect(error.message).toBe("Невідомий жанр.");
    expect(error.parameter).toBe("genre");
    expect(error.status).toBe(400);
  });

  it("reads allauth's first error message", () => {
    const error = errorFromBody(400, { status: 400, errors: [{ message: "Невірний пароль.", param: "password" }] });
    expect(error.message).toBe("Невірний пароль.");
    expect(error.parameter).toBe("password");
  });

  it("falls back to a Ukrainian message for anything else", () => {
    expect(errorFromBody(500, "<html>boom</html>").message).toBe(FALLBACK_ERROR_MESSAGE);
    expect(errorFromBody(404, { detail: 42 }).message).toBe(FALLBACK_ERROR_MESSAGE);
  });
});

describe("browserRequest", () => {
  it("sends the session cookie and no CSRF header on GET", async () => {
    document.cookie = "csrftoken=tok";
    const fetchMock = stubFetch(200, { ok: true });
    await expect(browserGet("/api/search/instant/", { query: { q: "frieren" } })).resolves.toEqual({ ok: true });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe("/api/search/instant/?q=frieren");
    expect(init.credentials).toBe("include");
    expect(init.method).toBe("GET");
    expect(init.headers).not.toHaveProperty("X-CSRFToken");
  });

  it("sends JSON with the CSRF header on POST", async () => {
    document.cookie = "csrftoken=tok";
    const fetchMock = stubFetch(201, { created: true, message: "Дякуємо!" });
    const answer = await browserPost("/api/playback/sources/{id}/report/", { path: { id: 9 }, body: { reason: "x" } });
    expect(answer.message).toBe("Дякуємо!");
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe("/api/playback/sources/9/report/");
    expect(init.method).toBe("POST");
    expect(init.body).toBe('{"reason":"x"}');
    expect(init.headers).toMatchObject({ "X-CSRFToken": "tok", "Content-Type": "application/json" });
  });

  it("throws the API's Ukrainian detail on a 4xx", async () => {
    stubFetch(404, { detail: "Серію не знайдено." });
    const error = await browserRequest("/api/playback/episodes/1/").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BrowserApiError);
    expect((error as BrowserApiError).message).toBe("Серію не знайдено.");
    expect((error as BrowserApiError).status).toBe(404);
  });

  it("turns a network failure into a Ukrainian message, but lets a cancellation through", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))));
    await expect(browserRequest("/api/x/")).rejects.toMatchObject({ status: 0, message: NETWORK_ERROR_MESSAGE });
    const controller = new AbortController();
    controller.abort();
    const abort = new DOMException("aborted", "AbortError");
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(abort)));
    await expect(browserRequest("/api/x/", { signal: controller.signal })).rejects.toBe(abort);
  });
});
