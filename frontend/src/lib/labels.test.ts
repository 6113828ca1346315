import { describe, expect, it } from "vitest";
import { EPISODE_FORMS, countLabel, formatDate, formatDayMonth, formatRating, labelOf, STATUS_LABELS } from "./labels";

describe("Ukrainian plurals", () => {
  it.each([
    [1, "1 серія"],
    [3, "3 серії"],
    [5, "5 серій"],
    [11, "11 серій"],
    [21, "21 серія"],
    [24, "24 серії"],
    [112, "112 серій"],
  ])("%i", (count, expected) => {
    expect(countLabel(count, EPISODE_FORMS)).toBe(expected);
  });
});

describe("formatting", () => {
  it("formats calendar dates without shifting the day", () => {
    expect(formatDate("2023-09-29")).toBe("29 вересня 2023 р.");
    expect(formatDate("not a date")).toBe("not a date");
    expect(formatDate(null)).toBe("");
    expect(formatDayMonth("2026-11-27")).toBe("27 листопада");
  });

  it("labels codes and ratings", () => {
    expect(labelOf(STATUS_LABELS, "ongoing")).toBe("Виходить");
    expect(labelOf(STATUS_LABELS, "weird")).toBe("weird");
    expect(formatRating(null)).toBe("—");
    expect(formatRating(8)).toBe("8.0");
  });
});
