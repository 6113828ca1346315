import { describe, expect, it } from "vitest";
import { preloadIndexes, readerKey, swipeAction, tapAction } from "./readerNav";

describe("reader navigation", () => {
  it("turns pages with the arrows by reading direction", () => {
    expect(readerKey("ArrowRight", "ltr")).toBe("next");
    expect(readerKey("ArrowLeft", "ltr")).toBe("prev");
    expect(readerKey("ArrowRight", "rtl")).toBe("prev");
    expect(readerKey("ArrowLeft", "rtl")).toBe("next");
    expect(readerKey("ArrowRight", "webtoon")).toBe("next");
  });

  it("leaves Space and Page keys to the page in the strip", () => {
    expect(readerKey(" ", "ltr")).toBe("next");
    expect(readerKey(" ", "webtoon")).toBeNull();
    expect(readerKey("PageDown", "webtoon")).toBeNull();
    expect(readerKey("End", "webtoon")).toBe("last");
    expect(readerKey("а", "rtl")).toBe("fullscreen");
    expect(readerKey("x", "ltr")).toBeNull();
  });

  it("turns a page on a sideways swipe only", () => {
    expect(swipeAction(-80, 10, "ltr")).toBe("next");
    expect(swipeAction(80, 10, "ltr")).toBe("prev");
    expect(swipeAction(80, 10, "rtl")).toBe("next");
    expect(swipeAction(-30, 0, "ltr")).toBeNull();
    expect(swipeAction(-80, 90, "ltr")).toBeNull();
    expect(swipeAction(-80, 0, "webtoon")).toBeNull();
  });

  it("turns pages with taps on the outer thirds", () => {
    expect(tapAction(0.9, "ltr")).toBe("next");
    expect(tapAction(0.1, "ltr")).toBe("prev");
    expect(tapAction(0.1, "rtl")).toBe("next");
    expect(tapAction(0.5, "ltr")).toBeNull();
    expect(tapAction(0.9, "webtoon")).toBeNull();
  });

  it("preloads the next pages, never past the end", () => {
    expect(preloadIndexes(0, 10)).toEqual([1, 2, 3]);
    expect(preloadIndexes(8, 10)).toEqual([9]);
    expect(preloadIndexes(9, 10)).toEqual([]);
    expect(preloadIndexes(10, 10)).toEqual([]);
  });
});
