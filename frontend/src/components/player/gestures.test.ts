import { describe, expect, it } from "vitest";
import { doubleTapSeek } from "./gestures";

describe("doubleTapSeek", () => {
  it("seeks back on the left third and forward on the right third", () => {
    expect(doubleTapSeek({ at: 1000, x: 0.1 }, { at: 1200, x: 0.2 })).toBe(-10);
    expect(doubleTapSeek({ at: 1000, x: 0.9 }, { at: 1250, x: 0.8 })).toBe(10);
  });

  it("ignores single, slow, middle or cross-side taps", () => {
    expect(doubleTapSeek(null, { at: 1000, x: 0.1 })).toBe(0);
    expect(doubleTapSeek({ at: 1000, x: 0.1 }, { at: 1400, x: 0.1 })).toBe(0);
    expect(doubleTapSeek({ at: 1000, x: 0.5 }, { at: 1100, x: 0.5 })).toBe(0);
    expect(doubleTapSeek({ at: 1000, x: 0.1 }, { at: 1100, x: 0.9 })).toBe(0);
  });
});
