/**
 * Accounts in the browser: allauth's headless API (`/_allauth/browser/v1/`) for signing up, in
 * and out, confirming the e-mail and resetting the password, and `/api/me/` for who is signed in.
 * Every call goes through the one browser client (session cookie + CSRF header).
 *
 * allauth answers 401 for "not signed in yet" together with the flows still pending, so a
 * sign-up that now waits for the e-mail confirmation is a 401 too: `outcomeOf` turns those
 * answers into what the form should say.
 */
import { BrowserApiError, browserGet, browserRequest, csrfToken, type Schemas } from "./browser";

export const AUTH_API = "/_allauth/browser/v1";

export type Me = Schemas["Me"];

/** What a form does after a call: done (signed in), wait for the e-mail, or show errors. */
export type AuthOutcome =
  | { kind: "signed-in" }
  | { kind: "done" }
  | { kind: "verify-email" }
  | { kind: "error"; message: string; fields: Record<string, string> };

interface AllauthFlow {
  id: string;
  is_pending?: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function pendingFlows(body: unknown): string[] {
  const data = isRecord(body) && isRecord(body.data) ? body.data : null;
  const flows = data && Array.isArray(data.flows) ? (data.flows as AllauthFlow[]) : [];
  return flows.filter((flow) => flow.is_pending).map((flow) => flow.id);
}

/** allauth's `{"errors": [{"message", "param"}]}`: the messages by field ("" for the form). */
export function fieldErrors(body: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  const errors = isRecord(body) && Array.isArray(body.errors) ? body.errors : [];
  for (const error of errors) {
    if (!isRecord(error) || typeof error.message !== "string") continue;
    const param = typeof error.param === "string" ? error.param : "";
    fields[param] = fields[param] ? `${fields[param]} ${error.message}` : error.message;
  }
  return fields;
}

/** Maps a finished call (or its error) to what the visitor should see next. */
export function outcomeOf(error: unknown, signedInOnSuccess: boolean): AuthOutcome {
  if (error === null) return { kind: signedInOnSuccess ? "signed-in" : "done" };
  if (error instanceof BrowserApiError) {
    if (error.status === 401) {
      if (pendingFlows(error.body).includes("verify_email")) return { kind: "verify-email" };
      return { kind: "done" };
    }
    const fields = fieldErrors(error.body);
    const message = fields[""] ?? (Object.keys(fields).length ? "Перевірте поля форми." : error.message);
    return { kind: "error", message, fields };
  }
  return { kind: "error", message: "Щось пішло не так. Спробуйте ще раз трохи пізніше.", fields: {} };
}

/** Django sets the CSRF cookie on any allauth answer; ask once before the first write. */
async function ensureCsrfCookie(): Promise<void> {
  if (csrfToken()) return;
  try {
    await browserRequest(`${AUTH_API}/auth/session`);
  } catch {
    // 401 when signed out: the answer still carries the cookie.
  }
}

async function post(path: string, body: unknown, signedInOnSuccess: boolean): Promise<AuthOutcome> {
  await ensureCsrfCookie();
  try {
    await browserRequest(`${AUTH_API}${path}`, { method: "POST", body });
    return outcomeOf(null, signedInOnSuccess);
  } catch (error) {
    return outcomeOf(error, signedInOnSuccess);
  }
}

export function signUp(email: string, password: string, username?: string): Promise<AuthOutcome> {
  return post("/auth/signup", username ? { email, password, username } : { email, password }, true);
}

export function signIn(email: string, password: string): Promise<AuthOutcome> {
  return post("/auth/login", { email, password }, true);
}

/** The key from the e-mail's link (it arrives URL-encoded in the path). */
export function confirmEmail(key: string): Promise<AuthOutcome> {
  return post("/auth/email/verify", { key: decodeKey(key) }, true);
}

export function requestPasswordReset(email: string): Promise<AuthOutcome> {
  return post("/auth/password/request", { email }, false);
}

export function resetPassword(key: string, password: string): Promise<AuthOutcome> {
  return post("/auth/password/reset", { key: decodeKey(key), password }, true);
}

export async function signOut(): Promise<void> {
  await ensureCsrfCookie();
  try {
    await browserRequest(`${AUTH_API}/auth/session`, { method: "DELETE" });
  } catch (error) {
    // allauth answers 401 once the session is gone: that is the success case.
    if (!(error instanceof BrowserApiError) || error.status !== 401) throw error;
  }
}

export function decodeKey(key: string): string {
  try {
    return decodeURIComponent(key);
  } catch {
    return key;
  }
}

/** Fired on `window` after signing in or out, so the header asks `/api/me/` again. */
export const SESSION_CHANGED_EVENT = "anihata:session-changed";

export function announceSessionChange(): void {
  window.dispatchEvent(new Event(SESSION_CHANGED_EVENT));
}

/** Django keeps this readable cookie while a session is signed in (accounts/middleware.py). */
const SIGNED_IN_COOKIE = "anihata_signed_in";

export function looksSignedIn(cookies: string = typeof document === "undefined" ? "" : document.cookie): boolean {
  return cookies.split(";").some((pair) => pair.trim() === `${SIGNED_IN_COOKIE}=1`);
}

/** The signed-in user, or null when signed out (without asking when no session is signed in). */
export async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  if (!looksSignedIn()) return null;
  try {
    return await browserGet("/api/me/", { signal });
  } catch (error) {
    if (error instanceof BrowserApiError && error.status === 401) return null;
    throw error;
  }
}

/**
 * Google sign-in is a full-page form POST (allauth redirects the browser to Google and back to
 * `callbackPath`), so it cannot go through `fetch`.
 */
export function startGoogleSignIn(callbackPath = "/accounts/google/callback/"): void {
  const form = document.createElement("form");
  form.method = "POST";
  form.action = `${AUTH_API}/auth/provider/redirect`;
  const fields: Record<string, string> = {
    provider: "google",
    process: "login",
    callback_url: callbackPath,
    csrfmiddlewaretoken: csrfToken() ?? "",
  };
  for (const [name, value] of Object.entries(fields)) {
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    form.appendChild(input);
  }
  document.body.appendChild(form);
  form.submit();
}
