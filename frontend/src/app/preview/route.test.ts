import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { GET } from "./route";

const enable = vi.fn();
vi.mock("next/headers", () => ({ draftMode: async () => ({ enable }) }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`redirect:${url}`);
  },
}));

const fetchMock = vi.fn<(url: string) => Promise<Response>>();

beforeEach(() => {
  vi.stubEnv("API_URL", "http://api.test");
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  fetchMock.mockReset();
  enable.mockReset();
});

const preview = (query: string) => GET(new Request(`http://site/preview/?${query}`));

describe("GET /preview/", () => {
  it("rejects a malformed link without asking the backend", async () => {
    expect((await preview("content_type=anime.animepage")).status).toBe(400);
    expect((await preview("content_type=../../x&token=t")).status).toBe(400);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("keeps draft mode off when the backend rejects the token", async () => {
    fetchMock.mockResolvedValue(new Response('{"message":"bad token"}', { status: 400 }));
    const response = await preview("content_type=anime.animepage&token=forged");
    expect(response.status).toBe(401);
    expect(fetchMock.mock.calls[0]?.[0]).toBe(
      "http://api.test/api/v2/page_preview/1/?content_type=anime.animepage&token=forged",
    );
    expect(enable).not.toHaveBeenCalled();
  });

  it("enables draft mode and redirects to the draft after the backend accepts the token", async () => {
    fetchMock.mockResolvedValue(
      Response.json({ id: 7, meta: { type: "anime.AnimePage" }, title: "Чернетка" }),
    );
    await expect(preview("content_type=anime.animepage&token=good")).rejects.toThrow(
      "redirect:/preview/draft/?content_type=anime.animepage&token=good",
    );
    expect(enable).toHaveBeenCalledOnce();
  });
});
