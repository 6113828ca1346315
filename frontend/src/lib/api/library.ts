/**
 * The signed-in visitor's library in the browser (`/api/me/…`): the list, watch progress,
 * history, subscriptions and notifications. Every call goes through the one browser client;
 * nothing here runs on the server, so title pages stay the same for everyone and cacheable.
 *
 * List entries are read through one shared cache (`listEntries`): a grid of cards asks for its
 * titles in one batched request, and a change made on the title page shows on its cards too.
 */
import { SESSION_CHANGED_EVENT } from "./auth";
import {
  BrowserApiError,
  browserDelete,
  browserGet,
  browserPost,
  browserPut,
  csrfToken,
  type Schemas,
} from "./browser";

export type ListStatus = Schemas["ListStatusEnum"];
export type ListEntry = Schemas["ListEntry"];
export type ListEntryChanges = Schemas["ListEntryInput"];
export type ListCounts = Schemas["StatusCounts"];
export type HistoryItem = Schemas["HistoryItem"];
export type Notification = Schemas["Notification"];
export type Subscription = Schemas["Subscription"];
export type TitleKind = Schemas["TitleKindEnum"];

/** The list's statuses, in the order tabs and menus show them. */
export const LIST_STATUSES: readonly ListStatus[] = ["watching", "planned", "completed", "on_hold", "dropped"];

const STATUS_NAMES: Record<"anime" | "manga", Record<ListStatus, string>> = {
  anime: {
    watching: "Дивлюся",
    planned: "Заплановано",
    completed: "Переглянуто",
    on_hold: "Відкладено",
    dropped: "Кинуто",
  },
  manga: {
    watching: "Читаю",
    planned: "Заплановано",
    completed: "Прочитано",
    on_hold: "Відкладено",
    dropped: "Кинуто",
  },
};

/** «Дивлюся» for anime, «Читаю» for manga (and no kind: the list's mixed tabs say both). */
export function statusLabel(status: ListStatus, kind: TitleKind | "mixed" = "anime"): string {
  if (kind === "mixed") {
    const anime = STATUS_NAMES.anime[status];
    const manga = STATUS_NAMES.manga[status];
    return anime === manga ? anime : `${anime} / ${manga.toLowerCase()}`;
  }
  return STATUS_NAMES[kind === "manga" ? "manga" : "anime"][status];
}

export const SCORES: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

function isStatus(error: unknown, status: number): boolean {
  return error instanceof BrowserApiError && error.status === status;
}

// ---- The list ----

export interface ListQuery {
  status?: ListStatus;
  kind?: TitleKind;
  limit?: number;
  offset?: number;
}

export function fetchList(query: ListQuery = {}, signal?: AbortSignal): Promise<Schemas["List"]> {
  return browserGet("/api/me/list/", { query: { order: "-updated", ...query }, signal });
}

export function saveListEntry(titleId: number, changes: ListEntryChanges): Promise<ListEntry> {
  return browserPut("/api/me/list/{title_id}/", { path: { title_id: titleId }, body: changes });
}

export async function removeListEntry(titleId: number): Promise<void> {
  try {
    await browserDelete("/api/me/list/{title_id}/", { path: { title_id: titleId } });
  } catch (error) {
    if (!isStatus(error, 404)) throw error; // already gone: what was asked
  }
}

/** At most this many titles per batched request (the API's limit for `?title=`). */
export const BATCH_SIZE = 100;

type Listener = () => void;

/**
 * The list entries of titles, asked for in batches: ids requested in the same tick go out as
 * one `GET /api/me/list/?title=…` each 100; answers are cached (null: not in the list) until
 * the session changes. `fetchMany` is injectable for tests.
 */
export function createEntryCache(
  fetchMany: (ids: number[]) => Promise<ListEntry[]> = fetchEntriesOf,
  schedule: (run: () => void) => void = queueMicrotask,
) {
  const known = new Map<number, ListEntry | null>();
  const pending = new Map<number, Promise<ListEntry | null>>();
  let queue: { id: number; resolve: (entry: ListEntry | null) => void; reject: (error: unknown) => void }[] = [];
  const listeners = new Map<number, Set<Listener>>();

  function flush() {
    const batch = queue;
    queue = [];
    for (let start = 0; start < batch.length; start += BATCH_SIZE) {
      const part = batch.slice(start, start + BATCH_SIZE);
      fetchMany(part.map((item) => item.id)).then(
        (entries) => {
          const byTitle = new Map(entries.map((entry) => [entry.title.id, entry]));
          for (const item of part) {
            const entry = byTitle.get(item.id) ?? null;
            if (!known.has(item.id)) known.set(item.id, entry);
            pending.delete(item.id);
            item.resolve(known.get(item.id) ?? null);
          }
        },
        (error: unknown) => {
          for (const item of part) {
            pending.delete(item.id);
            item.reject(error);
          }
        },
      );
    }
  }

  function notify(id: number) {
    listeners.get(id)?.forEach((listener) => listener());
  }

  return {
    /** The cached entry: undefined while unknown. */
    peek(id: number): ListEntry | null | undefined {
      return known.get(id);
    },
    get(id: number): Promise<ListEntry | null> {
      if (known.has(id)) return Promise.resolve(known.get(id) ?? null);
      const waiting = pending.get(id);
      if (waiting) return waiting;
      const promise = new Promise<ListEntry | null>((resolve, reject) => {
        if (queue.length === 0) schedule(flush);
        queue.push({ id, resolve, reject });
      });
      pending.set(id, promise);
      return promise;
    },
    /** After a change: every view of this title shows it. */
    set(id: number, entry: ListEntry | null): void {
      known.set(id, entry);
      notify(id);
    },
    subscribe(id: number, listener: Listener): () => void {
      const set = listeners.get(id) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(id, set);
      return () => set.delete(listener);
    },
    /** Signed in or out: forget everything and let the views ask again. */
    reset(): void {
      known.clear();
      for (const id of listeners.keys()) notify(id);
    },
  };
}

async function fetchEntriesOf(ids: number[]): Promise<ListEntry[]> {
  const answer = await browserGet("/api/me/list/", { query: { title: ids, limit: ids.length } });
  return answer.items;
}

export type EntryCache = ReturnType<typeof createEntryCache>;

/** The page's one cache of list entries. */
export const listEntries: EntryCache = createEntryCache();

if (typeof window !== "undefined") {
  window.addEventListener(SESSION_CHANGED_EVENT, () => listEntries.reset());
}

// ---- Progress and history ----

/** Where the visitor stopped in an episode, from the account (null: nowhere yet). */
export async function fetchProgress(episodeId: number, signal?: AbortSignal): Promise<Schemas["Progress"] | null> {
  const answer = await browserGet("/api/me/progress/", { query: { episode: episodeId }, signal });
  return answer.items[0] ?? null;
}

export interface ProgressReport {
  position: number;
  duration: number | null;
  completed?: boolean;
  /** The video source playing (feeds the dub teams' statistics); left out when unknown. */
  source?: number | null;
}

/** The API keeps whole seconds; a duration or source it does not know is left out. */
export function progressBody(report: ProgressReport): Schemas["ProgressInput"] {
  const duration = report.duration && Number.isFinite(report.duration) ? Math.round(report.duration) : null;
  return {
    position: Math.max(0, Math.floor(report.position)),
    duration: duration && duration > 0 ? duration : null,
    completed: report.completed ?? false,
    ...(report.source ? { source: report.source } : {}),
  };
}

/** Saves a position; a source the API no longer takes (400 on `source`) never costs the position. */
export async function saveProgress(episodeId: number, report: ProgressReport): Promise<Schemas["Progress"]> {
  const put = (body: ProgressReport) =>
    browserPut("/api/me/progress/{episode_id}/", { path: { episode_id: episodeId }, body: progressBody(body) });
  try {
    return await put(report);
  } catch (error) {
    if (!report.source || !(error instanceof BrowserApiError) || error.parameter !== "source") throw error;
    return put({ ...report, source: null });
  }
}

/**
 * The same save as a beacon, for `pagehide`: the browser sends it even as the page goes away.
 * A form POST (the API takes form fields and Django's `csrfmiddlewaretoken`); false when the
 * browser refused to queue it.
 */
export function beaconProgress(episodeId: number, report: ProgressReport): boolean {
  if (typeof navigator === "undefined" || typeof navigator.sendBeacon !== "function") return false;
  const body = progressBody(report);
  const form = new FormData();
  form.append("position", String(body.position));
  if (body.duration) form.append("duration", String(body.duration));
  form.append("completed", String(body.completed));
  if (body.source) form.append("source", String(body.source));
  form.append("csrfmiddlewaretoken", csrfToken() ?? "");
  return navigator.sendBeacon(`/api/me/progress/${episodeId}/`, form);
}

/** The latest episode of each title watched, newest first («Продовжити перегляд»). */
export async function fetchContinueWatching(limit = 12, signal?: AbortSignal): Promise<HistoryItem[]> {
  const answer = await browserGet("/api/me/history/", { query: { per_title: true, limit }, signal });
  return answer.items;
}

// ---- Subscriptions and notifications ----

export async function fetchSubscriptions(titleId: number, signal?: AbortSignal): Promise<Subscription[]> {
  const answer = await browserGet("/api/me/subscriptions/", { query: { title: titleId }, signal });
  return answer.items;
}

export function subscribe(titleId: number, dubTeamId: number | null): Promise<Subscription> {
  return browserPost("/api/me/subscriptions/", { body: { title: titleId, dub_team: dubTeamId, email: false } });
}

export async function unsubscribe(subscriptionId: number): Promise<void> {
  try {
    await browserDelete("/api/me/subscriptions/{subscription_id}/", { path: { subscription_id: subscriptionId } });
  } catch (error) {
    if (!isStatus(error, 404)) throw error;
  }
}

export function fetchNotifications(signal?: AbortSignal): Promise<Schemas["NotificationList"]> {
  return browserGet("/api/me/notifications/", { query: { limit: 20 }, signal });
}

/** Marks the given notifications read (all when no ids); answers the unread count left. */
export async function markNotificationsRead(ids?: number[]): Promise<number> {
  const answer = await browserPost("/api/me/notifications/read/", { body: ids ? { ids } : {} });
  return answer.unread_count;
}

