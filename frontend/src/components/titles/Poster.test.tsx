import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import Poster from "./Poster";
import PosterFallbacks from "./PosterFallbacks";

describe("Poster", () => {
  it("shows the image with alt text", () => {
    render(<Poster src="/media/demo/posters/x.svg" title="Атака титанів" />);
    const image = screen.getByRole("img", { name: "Постер: Атака титанів" });
    expect(image.tagName).toBe("IMG");
    expect(image.getAttribute("src")).toBe("/media/demo/posters/x.svg");
    expect(image.getAttribute("loading")).toBe("lazy");
  });

  it("loads an above-the-fold poster at once with high priority", () => {
    render(<Poster src="/media/demo/posters/x.svg" title="Атака титанів" eager />);
    const image = screen.getByRole("img", { name: "Постер: Атака титанів" });
    expect(image.getAttribute("loading")).toBe("eager");
    expect(image.getAttribute("fetchpriority")).toBe("high");
  });

  it("draws the initials fallback when the image fails to load", () => {
    render(
      <>
        <PosterFallbacks />
        <Poster src="https://cdn.myanimelist.net/x.jpg" title="Магічна битва" />
      </>,
    );
    fireEvent.error(screen.getByRole("img"));
    const fallback = screen.getByRole("img", { name: "Постер: Магічна битва" });
    expect(fallback.tagName).toBe("DIV");
    expect(fallback).toHaveTextContent("МБ");
  });

  it("uses the fallback when there is no poster at all", () => {
    render(<Poster src={null} title="Ван-Піс" />);
    const fallback = screen.getByRole("img", { name: "Постер: Ван-Піс" });
    expect(fallback.tagName).toBe("DIV");
    expect(fallback).toHaveTextContent("В");
  });
});
