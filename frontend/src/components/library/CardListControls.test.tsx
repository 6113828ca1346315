import { act, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { listEntries } from "@/lib/api/library";
import CardListControls from "./CardListControls";

afterEach(() => {
  document.cookie = "anihata_signed_in=; expires=Thu, 01 Jan 1970 00:00:00 GMT";
  vi.unstubAllGlobals();
  listEntries.reset();
});

describe("CardListControls", () => {
  it("renders nothing and asks nothing while signed out", async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal("fetch", fetchMock);
    const { container } = render(<CardListControls titleId={7} kind="manga" name="Берсерк" />);
    await act(async () => undefined);
    expect(container.innerHTML).toBe("");
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("loads the card's status menu once the visitor looks signed in", async () => {
    document.cookie = "anihata_signed_in=1";
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response(JSON.stringify({ items: [], meta: {} }), { status: 200 })),
    );
    render(<CardListControls titleId={7} kind="manga" name="Берсерк" />);
    const menu = await screen.findByRole("combobox", { name: "Мій список: Берсерк" });
    expect(menu).toBeTruthy();
  });
});
