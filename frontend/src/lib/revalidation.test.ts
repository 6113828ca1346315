import { describe, expect, it } from "vitest";
import { parseRevalidationBody, secretMatches } from "./revalidation";

describe("secretMatches", () => {
  it("needs a configured secret and an exact match", () => {
    expect(secretMatches("s3cret", "s3cret")).toBe(true);
    expect(secretMatches("s3cret", "s3cret!")).toBe(false);
    expect(secretMatches("s3cret", null)).toBe(false);
    expect(secretMatches("", "")).toBe(false);
    expect(secretMatches(undefined, "x")).toBe(false);
  });
});

describe("parseRevalidationBody", () => {
  it("accepts paths and tags", () => {
    expect(parseRevalidationBody({ paths: ["/anime/x/"], tags: ["catalog"] })).toEqual({
      paths: ["/anime/x/"],
      tags: ["catalog"],
    });
  });

  it.each([
    [null, "object"],
    [[], "object"],
    [{}, "give"],
    [{ paths: "/x/" }, "paths"],
    [{ paths: ["anime/x/"] }, "start"],
    [{ tags: [1] }, "tags"],
  ])("rejects %j", (body, message) => {
    expect(() => parseRevalidationBody(body)).toThrow(message);
  });
});
