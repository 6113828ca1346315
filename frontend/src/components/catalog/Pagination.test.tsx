import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import Pagination, { pageWindow } from "./Pagination";

describe("pageWindow", () => {
  it("shows first, last and neighbours with gaps", () => {
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(10, 20)).toEqual([1, 0, 8, 9, 10, 11, 12, 0, 20]);
  });
});

describe("Pagination", () => {
  it("renders nothing for a single page", () => {
    const { container } = render(<Pagination page={1} pageCount={1} hrefFor={() => "/"} />);
    expect(container).toBeEmptyDOMElement();
  });

  it("links neighbours and marks the current page", () => {
    render(<Pagination page={2} pageCount={3} hrefFor={(page) => `/anime/?page=${page}`} />);
    expect(screen.getByText("2")).toHaveAttribute("aria-current", "page");
    expect(screen.getByRole("link", { name: "Далі →" })).toHaveAttribute("href", "/anime/?page=3");
    expect(screen.getByRole("link", { name: "← Назад" })).toHaveAttribute("href", "/anime/?page=1");
  });
});
