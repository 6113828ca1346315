/** Parsing and checking of revalidation requests sent by Wagtail on publish. */
import { timingSafeEqual } from "node:crypto";

export interface RevalidationRequest {
  paths: string[];
  tags: string[];
}

const MAX_ITEMS = 200;

/** Constant-time comparison, false when no secret is configured. */
export function secretMatches(expected: string | undefined, given: string | null): boolean {
  if (!expected || !given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function stringList(value: unknown, field: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string" && item)) {
    throw new TypeError(`"${field}" must be a list of non-empty strings`);
  }
  if (value.length > MAX_ITEMS) throw new TypeError(`"${field}" has more than ${MAX_ITEMS} items`);
  return value as string[];
}

/** Validates `{"paths": [...], "tags": [...]}`; throws TypeError with a readable message. */
export function parseRevalidationBody(body: unknown): RevalidationRequest {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new TypeError("body must be a JSON object");
  }
  const record = body as Record<string, unknown>;
  const paths = stringList(record.paths, "paths");
  const tags = stringList(record.tags, "tags");
  if (paths.some((path) => !path.startsWith("/"))) {
    throw new TypeError('"paths" must be site paths starting with "/"');
  }
  if (!paths.length && !tags.length) throw new TypeError('give "paths" or "tags"');
  return { paths, tags };
}
