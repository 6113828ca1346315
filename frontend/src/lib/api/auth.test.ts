import { afterEach, describe, expect, it, vi } from "vitest";
import { BrowserApiError } from "./browser";
import { decodeKey, fetchMe, fieldErrors, looksSignedIn, outcomeOf, signIn, signUp } from "./auth";

afterEach(() => {
  vi.unstubAllGlobals();
  document.cookie = "csrftoken=; expires=Thu, 01 Jan 1970 00:00:00 GMT";
  document.cookie = "anihata_signed_in=; expires=Thu, 01 Jan 1970 00:00:00 GMT";
});

function stubFetch(...answers: Array<[number, unknown]>) {
  const fetchMock = vi.fn<(url: string, init: RequestInit) => Promise<Response>>(async () => {
    const [status, body] = answers.shift() ?? [500, {}];
    return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
  });
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

const PENDING = { status: 401, data: { flows: [{ id: "login" }, { id: "verify_email", is_pending: true }] } };

describe("outcomeOf", () => {
  it("reads a pending e-mail confirmation out of allauth's 401", () => {
    expect(outcomeOf(new BrowserApiError("x", 401, PENDING), true)).toEqual({ kind: "verify-email" });
  });

  it("gives field errors by parameter and the form error as the message", () => {
    const body = {
      status: 400,
      errors: [
        { message: "Цей пароль занадто короткий.", code: "password_too_short", param: "password" },
        { message: "Забагато спроб.", code: "too_many_login_attempts" },
      ],
    };
    expect(outcomeOf(new BrowserApiError("x", 400, body), true)).toEqual({
      kind: "error",
      message: "Забагато спроб.",
      fields: { password: "Цей пароль занадто короткий.", "": "Забагато спроб." },
    });
  });

  it("says to check the fields when only fields are at fault", () => {
    const body = { errors: [{ message: "Невірна адреса.", param: "email" }] };
    const outcome = outcomeOf(new BrowserApiError("x", 400, body), true);
    expect(outcome).toMatchObject({ kind: "error", message: "Перевірте поля форми." });
  });
});

describe("calls", () => {
  it("fetches the CSRF cookie first, then posts with the header", async () => {
    const fetchMock = stubFetch([200, { status: 200 }]);
    fetchMock.mockImplementationOnce(async () => {
      document.cookie = "csrftoken=tok";
      return new Response(JSON.stringify({ status: 401 }), { status: 401 });
    });
    expect(await signIn("a@example.com", "pw")).toEqual({ kind: "signed-in" });
    const [url, init] = fetchMock.mock.calls[1] ?? ["", {} as RequestInit];
    expect(url).toBe("/_allauth/browser/v1/auth/login");
    expect((init.headers as Record<string, string>)["X-CSRFToken"]).toBe("tok");
    expect(JSON.parse(String(init.body))).toEqual({ email: "a@example.com", password: "pw" });
  });

  it("sign-up waiting for the e-mail is not an error", async () => {
    document.cookie = "csrftoken=tok";
    stubFetch([401, PENDING]);
    expect(await signUp("a@example.com", "pw")).toEqual({ kind: "verify-email" });
  });

  it("fetchMe asks nothing without the signed-in cookie, and is null on a 401", async () => {
    const fetchMock = stubFetch([401, { detail: "Потрібно увійти." }]);
    expect(await fetchMe()).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
    document.cookie = "anihata_signed_in=1";
    expect(await fetchMe()).toBeNull();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});

describe("helpers", () => {
  it("reads the signed-in cookie exactly", () => {
    expect(looksSignedIn("a=1; anihata_signed_in=1")).toBe(true);
    expect(looksSignedIn("anihata_signed_in=")).toBe(false);
    expect(looksSignedIn("x_anihata_signed_in=1")).toBe(false);
  });

  it("decodes the key from the link once", () => {
    expect(decodeKey("MQ%3A1xZ%3Aabc")).toBe("MQ:1xZ:abc");
    expect(decodeKey("bad%E0")).toBe("bad%E0");
  });

  it("joins several messages of one field", () => {
    expect(fieldErrors({ errors: [{ message: "A.", param: "p" }, { message: "B.", param: "p" }] })).toEqual({
      p: "A. B.",
    });
  });
});
