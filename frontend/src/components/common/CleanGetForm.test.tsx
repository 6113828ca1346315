import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import CleanGetForm from "./CleanGetForm";

const push = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ push }) }));

describe("CleanGetForm", () => {
  it("navigates with only the non-empty fields", () => {
    render(
      <CleanGetForm action="/anime/" aria-label="Фільтри">
        <input name="search" defaultValue="" />
        <input type="checkbox" name="genre" value="action" defaultChecked />
        <input type="checkbox" name="genre" value="drama" defaultChecked />
        <input name="year_from" defaultValue=" 2010 " />
        <button type="submit">Показати</button>
      </CleanGetForm>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Показати" }));
    expect(push).toHaveBeenCalledWith("/anime/?genre=action&genre=drama&year_from=2010");
  });
});
