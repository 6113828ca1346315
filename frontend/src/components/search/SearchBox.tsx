"use client";
/**
 * The header search box: a plain GET form to /search/ (works without JavaScript) enhanced with
 * debounced instant results (`instantSearch`, through the browser API client) as an accessible
 * combobox.
 */
import Link from "@/components/common/IntentLink";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { instantSearch } from "@/lib/api/search";
import type { InstantSearchResult } from "@/lib/api/types";
import { KIND_LABELS } from "@/lib/labels";
import styles from "@/components/search/SearchBox.module.css";
import ui from "@/components/common/ui.module.css";

export const INSTANT_SEARCH_DELAY_MS = 250;
const MIN_QUERY_LENGTH = 2;

interface Option {
  key: string;
  url: string;
  title: string;
  meta: string;
  /** Rendered by Django (the forum): opened with a full page load, not client navigation. */
  external?: boolean;
}

/** Titles first, then dub teams, then forum topics: one list, so the arrow keys walk through all. */
export function optionsOf(result: InstantSearchResult): Option[] {
  return [
    ...result.items.map((item) => ({
      key: `${item.kind}-${item.id}`,
      url: item.url,
      title: item.title,
      meta: [KIND_LABELS[item.kind] ?? item.kind, item.year, item.titleEn].filter(Boolean).join(" · "),
    })),
    ...result.teams.map((team) => ({
      key: `team-${team.id}`,
      url: team.url,
      title: team.title,
      meta: "Команда озвучення",
    })),
    ...result.topics.map((topic) => ({
      key: `topic-${topic.id}`,
      url: topic.url,
      title: topic.title,
      meta: ["Форум", topic.forum].filter(Boolean).join(" · "),
      external: true,
    })),
  ];
}


export default function SearchBox({ initialQuery = "" }: { initialQuery?: string }) {
  const router = useRouter();
  const listId = useId();
  const [query, setQuery] = useState(initialQuery);
  const [found, setFound] = useState<Option[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const boxRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    const text = query.trim();
    if (text.length < MIN_QUERY_LENGTH) return;
    const controller = new AbortController();
    const timer = window.setTimeout(async () => {
      try {
        setFound(optionsOf(await instantSearch(text, controller.signal)));
        setActive(-1);
      } catch {
        // A missing endpoint (404) or any error just means no instant results.
        if (!controller.signal.aborted) setFound([]);
      }
    }, INSTANT_SEARCH_DELAY_MS);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [query]);

  useEffect(() => {
    function closeOnOutsideClick(event: MouseEvent) {
      if (!boxRef.current?.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener("mousedown", closeOnOutsideClick);
    return () => document.removeEventListener("mousedown", closeOnOutsideClick);
  }, []);

  // Results of an older, longer query are not shown once the text is too short to search.
  const items = query.trim().length >= MIN_QUERY_LENGTH ? found : [];
  const expanded = open && items.length > 0;

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Escape") {
      setOpen(false);
      return;
    }
    if (!items.length) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) => (current + step + items.length) % items.length);
    } else if (event.key === "Enter" && expanded && active >= 0) {
      event.preventDefault();
      const item = items[active];
      if (item) {
        setOpen(false);
        if (item.external) window.location.assign(item.url);
        else router.push(item.url);
      }
    }
  }

  return (
    <form
      ref={boxRef}
      className={styles.searchBox}
      role="search"
      aria-label="Швидкий пошук"
      action="/search/"
      method="get"
    >
      <label htmlFor={`${listId}-input`} className={ui.visuallyHidden}>
        Пошук аніме та манґи
      </label>
      <input
        id={`${listId}-input`}
        name="q"
        type="search"
        placeholder="Пошук аніме та манґи…"
        autoComplete="off"
        value={query}
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
      />
      <button type="submit" className={styles.searchBoxSubmit} aria-label="Шукати">
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
          <path
            fill="currentColor"
            d="M10 2a8 8 0 0 1 6.32 12.9l5.39 5.4-1.41 1.4-5.4-5.38A8 8 0 1 1 10 2zm0 2a6 6 0 1 0 0 12 6 6 0 0 0 0-12z"
          />
        </svg>
      </button>
      <ul id={listId} role="listbox" className={styles.searchBoxResults} hidden={!expanded}>
        {items.map((item, index) => (
          <li
            key={item.key}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? styles.isActive : undefined}
          >
            {item.external ? (
              <a href={item.url} onClick={() => setOpen(false)} tabIndex={-1}>
                <span className={styles.searchBoxTitle}>{item.title}</span>
                <span className={styles.searchBoxMeta}>{item.meta}</span>
              </a>
            ) : (
              <Link href={item.url} onClick={() => setOpen(false)} tabIndex={-1}>
                <span className={styles.searchBoxTitle}>{item.title}</span>
                <span className={styles.searchBoxMeta}>{item.meta}</span>
              </Link>
            )}
          </li>
        ))}
      </ul>
    </form>
  );
}
