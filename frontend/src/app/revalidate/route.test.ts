import { revalidatePath, revalidateTag } from "next/cache";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { POST } from "./route";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

function request(body: unknown, secret?: string) {
  return new Request("http://site/revalidate/", {
    method: "POST",
    headers: { "content-type": "application/json", ...(secret ? { "x-revalidate-secret": secret } : {}) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

beforeEach(() => vi.stubEnv("REVALIDATE_SECRET", "s3cret"));
afterEach(() => {
  vi.unstubAllEnvs();
  vi.mocked(revalidatePath).mockClear();
  vi.mocked(revalidateTag).mockClear();
});

describe("POST /revalidate/", () => {
  it("rejects a missing or wrong secret", async () => {
    expect((await POST(request({ paths: ["/"] }))).status).toBe(401);
    expect((await POST(request({ paths: ["/"] }, "nope"))).status).toBe(401);
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("answers 400 to a malformed body", async () => {
    expect((await POST(request("not json", "s3cret"))).status).toBe(400);
    const response = await POST(request({ paths: "/anime/" }, "s3cret"));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: '"paths" must be a list of non-empty strings' });
  });

  it("revalidates the paths (render and API reads) and the tags", async () => {
    const response = await POST(request({ paths: ["/anime/frieren/"], tags: ["catalog"] }, "s3cret"));
    expect(response.status).toBe(200);
    expect(revalidatePath).toHaveBeenCalledWith("/anime/frieren/");
    expect(revalidateTag).toHaveBeenCalledWith("path:/anime/frieren/", { expire: 0 });
    expect(revalidateTag).toHaveBeenCalledWith("catalog", { expire: 0 });
  });
});
