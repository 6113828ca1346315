import { act, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { listEntries } from "@/lib/api/library";
import ListControls from "./ListControls";
import TitleRating from "./TitleRating";

afterEach(() => {
  document.cookie = "anihata_signed_in=; expires=Thu, 01 Jan 1970 00:00:00 GMT";
  vi.unstubAllGlobals();
  listEntries.reset();
});

const ENTRY = {
  title: { id: 7, kind: "manga", title: "Берсерк", title_en: "", year: 1989, poster_url: "", url: "/manga/berserk/" },
  status: "planned",
  favourite: false,
  score: null,
  created_at: "2026-12-03T10:00:00Z",
  updated_at: "2026-12-03T10:00:00Z",
  title_rating: null as number | null,
  title_rating_count: 0,
};

function stubList(stored: { entry: typeof ENTRY | null }) {
  document.cookie = "anihata_signed_in=1";
  const fetchMock = vi.fn(async (url: string, init: RequestInit) => {
    if (init.method === "PUT") {
      stored.entry = { ...(stored.entry ?? ENTRY), ...JSON.parse(String(init.body)) };
      return new Response(JSON.stringify(stored.entry), { status: 200 });
    }
    return new Response(JSON.stringify({ items: stored.entry ? [stored.entry] : [], meta: {} }), { status: 200 });
  });
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

describe("ListControls", () => {
  it("invites a signed-out visitor to sign in without asking the API", async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal("fetch", fetchMock);
    render(<ListControls titleId={7} kind="manga" name="Берсерк" />);
    expect(await screen.findByRole("link", { name: "Увійдіть" })).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("shows nothing on a card while signed out", async () => {
    vi.stubGlobal("fetch", vi.fn());
    const { container } = render(<ListControls titleId={7} kind="manga" name="Берсерк" compact />);
    await act(async () => undefined);
    expect(container.innerHTML).toBe("");
  });

  it("adds a title, says «Читаю» for manga, and shares the change with the card", async () => {
    const stored: { entry: typeof ENTRY | null } = { entry: null };
    const fetchMock = stubList(stored);
    render(
      <>
        <ListControls titleId={7} kind="manga" name="Берсерк" />
        <ListControls titleId={7} kind="manga" name="Берсерк" compact />
      </>,
    );
    const [status, cardStatus] = (await screen.findAllByTestId("list-status")) as [HTMLSelectElement, HTMLSelectElement];
    expect(fetchMock).toHaveBeenCalledTimes(1); // both views, one batched request
    expect(fetchMock.mock.calls[0]![0]).toBe("/api/me/list/?title=7&limit=1");
    expect((status as HTMLSelectElement).value).toBe("");
    expect(screen.getAllByRole("option", { name: "Читаю" })).toHaveLength(2);

    await act(async () => {
      fireEvent.change(status, { target: { value: "watching" } });
    });
    expect(fetchMock.mock.calls[1]![0]).toBe("/api/me/list/7/");
    expect(JSON.parse(String(fetchMock.mock.calls[1]![1].body))).toEqual({ status: "watching" });
    expect((status as HTMLSelectElement).value).toBe("watching");
    expect((cardStatus as HTMLSelectElement).value).toBe("watching");

    await act(async () => {
      fireEvent.change(screen.getByTestId("list-score"), { target: { value: "9" } });
    });
    expect(JSON.parse(String(fetchMock.mock.calls[2]![1].body))).toEqual({ score: 9 });
    await act(async () => {
      fireEvent.click(screen.getByTestId("list-favourite"));
    });
    expect(screen.getByTestId("list-favourite").getAttribute("aria-pressed")).toBe("true");
  });

  it("shows the API's Ukrainian message when a change is refused", async () => {
    document.cookie = "anihata_signed_in=1";
    vi.stubGlobal(
      "fetch",
      vi.fn(async (_url: string, init: RequestInit) =>
        init.method === "PUT"
          ? new Response(JSON.stringify({ detail: "Ваш обліковий запис заблоковано." }), { status: 403 })
          : new Response(JSON.stringify({ items: [], meta: {} }), { status: 200 }),
      ),
    );
    render(<ListControls titleId={8} kind="anime" name="Моб" />);
    const status = await screen.findByTestId("list-status");
    await act(async () => {
      fireEvent.change(status, { target: { value: "planned" } });
    });
    expect(screen.getByRole("alert").textContent).toBe("Ваш обліковий запис заблоковано.");
  });

  it("shows the title's rating with the visitor's new score at once", async () => {
    const stored: { entry: typeof ENTRY | null } = { entry: null };
    const fetchMock = stubList(stored);
    render(
      <>
        <TitleRating titleId={7} rating={7} ratingCount={3} />
        <ListControls titleId={7} kind="manga" name="Берсерк" />
      </>,
    );
    expect(screen.getByTestId("title-rating").textContent).toBe("★ 7.03 оцінки на AniHata");
    const score = await screen.findByTestId("list-score");
    fetchMock.mockImplementationOnce(async () => new Response(JSON.stringify({ ...ENTRY, score: 10, title_rating: 7.75, title_rating_count: 4 })));
    await act(async () => {
      fireEvent.change(score, { target: { value: "10" } });
    });
    expect(screen.getByTestId("title-rating").textContent).toBe("★ 7.84 оцінки на AniHata");
  });
});
