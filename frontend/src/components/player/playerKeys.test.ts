import { describe, expect, it } from "vitest";
import { keyAction } from "./playerKeys";

describe("keyAction", () => {
  it("maps the shortcuts on Latin and Ukrainian layouts alike", () => {
    expect(keyAction(" ")).toBe("togglePlay");
    expect(keyAction("k")).toBe(keyAction("л"));
    expect(keyAction("f")).toBe("fullscreen");
    expect(keyAction("а")).toBe("fullscreen");
    expect(keyAction("m")).toBe(keyAction("ь"));
    expect(keyAction("ArrowLeft")).toBe("back");
    expect(keyAction("x")).toBeNull();
  });
});
