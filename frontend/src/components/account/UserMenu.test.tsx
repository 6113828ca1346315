import { act, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { announceSessionChange } from "@/lib/api/auth";
import UserMenu from "./UserMenu";

const push = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ push }) }));

const ME = {
  id: 1,
  username: "olena",
  email: "olena@example.com",
  avatar_url: null,
  date_joined: "2026-12-01T10:00:00Z",
  reputation: 12,
  level: { number: 2, name: "Глядач" },
  unlocked: ["avatar_frame"],
  roles: [{ name: "viewer", label: "Глядач", rank: 0 }],
  can_access_admin: false,
  ban: null,
};

afterEach(() => {
  document.cookie = "anihata_signed_in=; expires=Thu, 01 Jan 1970 00:00:00 GMT";
  vi.unstubAllGlobals();
  push.mockReset();
});

function setHint(signedIn: boolean) {
  document.cookie = signedIn ? "anihata_signed_in=1" : "anihata_signed_in=; expires=Thu, 01 Jan 1970 00:00:00 GMT";
}

function stubSession(signedIn: { value: boolean }) {
  setHint(signedIn.value);
  const fetchMock = vi.fn<(url: string, init: RequestInit) => Promise<Response>>(async (url, init) => {
    if (url === "/api/me/") {
      // What Django's SignedInHintMiddleware keeps in step with the session.
      return signedIn.value
        ? new Response(JSON.stringify(ME), { status: 200 })
        : new Response(JSON.stringify({ detail: "Потрібно увійти." }), { status: 401 });
    }
    if (url.endsWith("/auth/session") && init.method === "DELETE") {
      signedIn.value = false;
      setHint(false);
      return new Response(JSON.stringify({ status: 401 }), { status: 401 });
    }
    return new Response(JSON.stringify({ status: 401 }), { status: 401 });
  });
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

describe("UserMenu", () => {
  it("offers to sign in when nobody is signed in, without asking the API", async () => {
    const fetchMock = stubSession({ value: false });
    render(<UserMenu />);
    expect(await screen.findByRole("link", { name: "Увійти" })).toHaveAttribute("href", "/accounts/sign-in/");
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("shows the user and signs out", async () => {
    const session = { value: true };
    stubSession(session);
    render(<UserMenu />);
    expect(await screen.findByText("olena")).toBeInTheDocument();
    expect(screen.getByText("Глядач · 12")).toBeInTheDocument();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Вийти" }));
    });
    expect(await screen.findByRole("link", { name: "Увійти" })).toBeInTheDocument();
    expect(push).toHaveBeenCalledWith("/");
  });

  it("asks again when the session changes elsewhere", async () => {
    const session = { value: false };
    stubSession(session);
    render(<UserMenu />);
    await screen.findByRole("link", { name: "Увійти" });
    session.value = true;
    setHint(true);
    await act(async () => announceSessionChange());
    expect(await screen.findByText("olena")).toBeInTheDocument();
  });
});
