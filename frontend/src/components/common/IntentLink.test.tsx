import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import IntentLink from "./IntentLink";

describe("IntentLink", () => {
  it("renders the link with its own props and still calls the caller's handlers on intent", () => {
    const onMouseEnter = vi.fn();
    const onFocus = vi.fn();
    const onTouchStart = vi.fn();
    render(
      <IntentLink href="/anime/" className="nav" onMouseEnter={onMouseEnter} onFocus={onFocus} onTouchStart={onTouchStart}>
        Аніме
      </IntentLink>,
    );
    const link = screen.getByRole("link", { name: "Аніме" });
    expect(link.getAttribute("href")).toBe("/anime/");
    expect(link.className).toBe("nav");
    fireEvent.mouseEnter(link);
    fireEvent.focus(link);
    fireEvent.touchStart(link);
    expect(onMouseEnter).toHaveBeenCalledTimes(1);
    expect(onFocus).toHaveBeenCalledTimes(1);
    expect(onTouchStart).toHaveBeenCalledTimes(1);
    // Still the same link after prefetching is switched on.
    expect(screen.getByRole("link", { name: "Аніме" }).getAttribute("href")).toBe("/anime/");
  });
});
