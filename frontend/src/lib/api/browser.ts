/**
 * The one client for calls made from the browser (components never call `fetch` themselves).
 *
 * Django answers on the same origin (nginx, or Next's rewrites in development), so requests go
 * to relative paths with the session cookie (`credentials: "include"`) and, on unsafe methods,
 * the `X-CSRFToken` header read from Django's `csrftoken` cookie — what DRF's session
 * authentication and allauth's headless browser API (`/_allauth/browser/v1/`) both expect.
 *
 * `browserGet` / `browserPost` are typed from the generated OpenAPI schema (`schema.d.ts`):
 * the path template picks the operation, its path parameters, query, body and answer.
 * `browserRequest` is the untyped base for endpoints outside that schema (allauth's own API).
 * Every failure is a `BrowserApiError` whose `message` is Ukrainian and fit to show a visitor.
 */
import { readBody, toQueryString, type Query } from "./http";
import type { components, paths } from "./schema";

export type Schemas = components["schemas"];

/** Shown when an error answer carries no message of its own. */
export const FALLBACK_ERROR_MESSAGE = "Щось пішло не так. Спробуйте ще раз трохи пізніше.";
/** Shown when the request never reached the server (offline, DNS, aborted by the network). */
export const NETWORK_ERROR_MESSAGE = "Не вдалося з'єднатися із сервером. Перевірте з'єднання.";

const CSRF_COOKIE = "csrftoken";
const CSRF_HEADER = "X-CSRFToken";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export class BrowserApiError extends Error {
  constructor(
    message: string,
    /** HTTP status, or 0 when no answer arrived. */
    readonly status: number,
    /** The parsed answer (JSON or text), for callers that read more than the message. */
    readonly body: unknown = null,
    /** The query or body parameter at fault, when the API names one. */
    readonly parameter: string | null = null,
  ) {
    super(message);
    this.name = "BrowserApiError";
  }
}

/** What to tell the visitor about any failure of a browser call. */
export function errorMessage(error: unknown): string {
  return error instanceof BrowserApiError ? error.message : FALLBACK_ERROR_MESSAGE;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The visitor-facing message of an error answer: the API's `{"detail", "parameter"}`, or the
 * first of allauth's `{"errors": [{"message", "param"}]}`; else the Ukrainian fallback.
 */
export function errorFromBody(status: number, body: unknown): BrowserApiError {
  if (isRecord(body)) {
    if (typeof body.detail === "string" && body.detail) {
      const parameter = typeof body.parameter === "string" ? body.parameter : null;
      return new BrowserApiError(body.detail, status, body, parameter);
    }
    const [first] = Array.isArray(body.errors) ? body.errors : [];
    if (isRecord(first) && typeof first.message === "string" && first.message) {
      const parameter = typeof first.param === "string" ? first.param : null;
      return new BrowserApiError(first.message, status, body, parameter);
    }
  }
  return new BrowserApiError(FALLBACK_ERROR_MESSAGE, status, body);
}

/** Django's CSRF token from its cookie, or null (not set yet, or outside a browser). */
export function csrfToken(cookies: string = typeof document === "undefined" ? "" : document.cookie): string | null {
  for (const pair of cookies.split(";")) {
    const [name, ...rest] = pair.trim().split("=");
    if (name === CSRF_COOKIE) return decodeURIComponent(rest.join("="));
  }
  return null;
}

/** `"/api/x/{id}/"` + `{id: 3}` → `"/api/x/3/"`, then the query (arrays repeat, empties skipped). */
export function buildPath(template: string, pathParams: Record<string, string | number> = {}, query: Query = {}): string {
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = pathParams[name];
    if (value === undefined) throw new Error(`Missing path parameter ${name} for ${template}`);
    return encodeURIComponent(String(value));
  });
  return `${path}${toQueryString(query)}`;
}

export interface RequestOptions {
  method?: string;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
}

/** A same-origin request with the session cookie and CSRF header; JSON in, JSON out. */
export async function browserRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = (options.method ?? "GET").toUpperCase();
  const headers: Record<string, string> = { Accept: "application/json" };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  const token = SAFE_METHODS.has(method) ? null : csrfToken();
  if (token) headers[CSRF_HEADER] = token;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "include",
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error; // the caller cancelled: not an error to show
    throw new BrowserApiError(NETWORK_ERROR_MESSAGE, 0);
  }
  const body = await readBody(response);
  if (!response.ok) throw errorFromBody(response.status, body);
  return body as T;
}

// ---- Types derived from the OpenAPI schema ----

type Method = "get" | "post" | "put" | "patch" | "delete";
/** Paths of the schema that have an operation for `M`. */
type PathWith<M extends Method> = {
  [P in keyof paths]: paths[P] extends Record<M, object> ? P : never;
}[keyof paths];
type OperationOf<P extends keyof paths, M extends Method> = paths[P] extends Record<M, infer Op> ? Op : never;
type JsonOf<R> = R extends { content: { "application/json": infer Body } } ? Body : never;
type SuccessOf<Op> = Op extends { responses: infer R }
  ? [Extract<keyof R, 200 | 201>] extends [never]
    ? null // 204: no body
    : JsonOf<R[Extract<keyof R, 200 | 201>]>
  : never;
type PathParamsOf<Op> = Op extends { parameters: { path: infer Params } } ? Params : never;
type QueryOf<Op> = Op extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
type BodyOf<Op> = Op extends { requestBody?: { content: { "application/json": infer B } } } ? B : never;

/** Options of one operation: only the parts the schema says it takes. */
type OperationOptions<Op> = { signal?: AbortSignal } & ([PathParamsOf<Op>] extends [never]
  ? { path?: undefined }
  : { path: PathParamsOf<Op> }) &
  ([QueryOf<Op>] extends [never]
    ? { query?: undefined }
    : object extends QueryOf<Op>
      ? { query?: QueryOf<Op> }
      : { query: QueryOf<Op> }) &
  ([BodyOf<Op>] extends [never] ? { body?: undefined } : { body?: BodyOf<Op> });

/** The options argument, optional when the operation needs nothing. */
type OptionsArg<Op> = object extends OperationOptions<Op> ? [options?: OperationOptions<Op>] : [options: OperationOptions<Op>];

export type ResponseOf<P extends keyof paths, M extends Method = "get"> = SuccessOf<OperationOf<P, M>>;

function call<P extends keyof paths, M extends Method>(
  method: M,
  template: P,
  options: OperationOptions<OperationOf<P, M>> | undefined,
): Promise<ResponseOf<P, M>> {
  const { path, query, body, signal } = (options ?? {}) as {
    path?: Record<string, string | number>;
    query?: Query;
    body?: unknown;
    signal?: AbortSignal;
  };
  return browserRequest<ResponseOf<P, M>>(buildPath(template, path, query), {
    method: method.toUpperCase(),
    body,
    signal,
  });
}

/** A typed GET of a schema path: `browserGet("/api/playback/episodes/{id}/", {path: {id}})`. */
export function browserGet<P extends PathWith<"get">>(
  template: P,
  ...[options]: OptionsArg<OperationOf<P, "get">>
): Promise<ResponseOf<P, "get">> {
  return call("get", template, options);
}

/** A typed POST of a schema path, with the CSRF header. */
export function browserPost<P extends PathWith<"post">>(
  template: P,
  ...[options]: OptionsArg<OperationOf<P, "post">>
): Promise<ResponseOf<P, "post">> {
  return call("post", template, options);
}

/** A typed PATCH of a schema path, with the CSRF header. */
export function browserPatch<P extends PathWith<"patch">>(
  template: P,
  ...[options]: OptionsArg<OperationOf<P, "patch">>
): Promise<ResponseOf<P, "patch">> {
  return call("patch", template, options);
}

/** A typed PUT of a schema path, with the CSRF header. */
export function browserPut<P extends PathWith<"put">>(
  template: P,
  ...[options]: OptionsArg<OperationOf<P, "put">>
): Promise<ResponseOf<P, "put">> {
  return call("put", template, options);
}

/** A typed DELETE of a schema path, with the CSRF header (resolves to null: 204). */
export function browserDelete<P extends PathWith<"delete">>(
  template: P,
  ...[options]: OptionsArg<OperationOf<P, "delete">>
): Promise<ResponseOf<P, "delete">> {
  return call("delete", template, options);
}
