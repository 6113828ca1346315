"use client";
/**
 * The reader once its answer is in: one page at a time (left-to-right or right-to-left) or every
 * page in a vertical strip (webtoon), fit to width or height; keys, swipes and taps turn pages;
 * the next pages are loaded ahead; the page is remembered (`useReadingPosition`) and a reopened
 * chapter opens where the reader stopped; after the last page comes the next chapter.
 */
import { useCallback, useEffect, useRef, useState, type MouseEvent, type TouchEvent } from "react";
import { PillButton } from "@/components/controls/ControlButton";
import { useAutoHide } from "@/components/controls/useAutoHide";
import { useFullscreen } from "@/components/controls/useFullscreen";
import { chapterNumber } from "@/lib/api/mappers";
import type { ReaderData } from "@/lib/api/reader";
import styles from "./Reader.module.css";
import ReaderControls from "./ReaderControls";
import ReaderEnd from "./ReaderEnd";
import { preloadIndexes, readerKey, swipeAction, tapAction, type ReaderAction } from "./readerNav";
import type { ReaderPrefs } from "./readerStore";
import { useReadingPosition } from "./useReadingPosition";

/** Keys that belong to what has focus: typing, a slider's arrows, Space on a button or link. */
function ownsKey(target: EventTarget | null, key: string): boolean {
  const element = target as HTMLElement | null;
  if (!element?.tagName) return false;
  if (["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName) || element.isContentEditable) return true;
  return key === " " && ["BUTTON", "A"].includes(element.tagName);
}

export default function LoadedReader(props: {
  data: ReaderData;
  prefs: ReaderPrefs;
  onPrefs: (patch: Partial<ReaderPrefs>) => void;
  onNavigate: (url: string) => void;
  onReload: () => void;
  titleUrl: string;
}) {
  const { data, prefs, onNavigate } = props;
  const chapterId = data.chapter.id;
  const pages = data.pages;
  const total = pages.length;
  const webtoon = prefs.mode === "webtoon";
  const frameRef = useRef<HTMLDivElement>(null);
  const stripRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const touch = useRef<{ x: number; y: number } | null>(null);
  const preloaded = useRef(new Map<string, HTMLImageElement>());
  const [page, setPage] = useState(0);
  const [landed, setLanded] = useState(false);
  const [broken, setBroken] = useState<ReadonlySet<number>>(new Set());
  const [loaded, setLoaded] = useState<ReadonlySet<number>>(new Set());
  const { fullscreen, toggleFullscreen } = useFullscreen(frameRef);
  const controls = useAutoHide(() => true);
  const showControls = controls.show;
  const next = data.next ? { number: chapterNumber(data.next.number), url: data.next.url } : null;
  /** A page the strip must scroll to after the next render (set by page turns and mode switches). */
  const scrollRequest = useRef<number | null>(null);

  /** Shows page `index` (`total` = the end of the chapter). */
  const goTo = useCallback(
    (index: number) => {
      const target = Math.max(0, Math.min(index, total));
      scrollRequest.current = target;
      setPage(target);
    },
    [total],
  );

  // Open where the reader stopped, once the store has answered.
  const { save, finish } = useReadingPosition(chapterId, total, (start) => {
    goTo(start);
    setLanded(true);
  });

  // Remember the page (the end counts as read: a reopened chapter starts from the first page).
  useEffect(() => {
    if (!landed) return;
    if (page >= total) finish();
    else save(page);
  }, [landed, page, total, save, finish]);

  useEffect(() => {
    const target = scrollRequest.current;
    if (target === null) return;
    scrollRequest.current = null;
    if (webtoon) {
      const strip = stripRef.current;
      const element = strip?.querySelector<HTMLElement>(`[data-index="${target}"]`);
      if (strip && element) strip.scrollTop = element.offsetTop;
    } else {
      stageRef.current?.scrollTo?.({ top: 0 }); // each page starts at its top
    }
  });

  const changePrefs = (patch: Partial<ReaderPrefs>) => {
    if (patch.mode && patch.mode !== prefs.mode) scrollRequest.current = page; // keep the page in view
    props.onPrefs(patch);
  };

  // Load the next pages ahead of the reader (the strip loads its own as they come near).
  useEffect(() => {
    const cache = preloaded.current;
    for (const index of preloadIndexes(page, total)) {
      const url = pages[index]!.url;
      if (cache.has(url)) continue;
      const image = new Image();
      image.decoding = "async";
      image.src = url;
      cache.set(url, image);
    }
  }, [page, pages, total]);

  const act = useCallback(
    (action: ReaderAction) => {
      if (action === "fullscreen") toggleFullscreen();
      else if (action === "first") goTo(0);
      else if (action === "last") goTo(total);
      else goTo(page + (action === "next" ? 1 : -1));
    },
    [goTo, page, total, toggleFullscreen],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || ownsKey(event.target, event.key)) return;
      const action = readerKey(event.key, prefs.mode);
      if (!action) return;
      event.preventDefault();
      showControls();
      act(action);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [act, prefs.mode, showControls]);

  // In the strip the page shown is the last one whose top has passed a third of the frame.
  const onScroll = useCallback(() => {
    const strip = stripRef.current;
    if (!strip) return;
    const line = strip.scrollTop + strip.clientHeight / 3;
    let current = 0;
    strip.querySelectorAll<HTMLElement>("[data-index]").forEach((element) => {
      if (element.offsetTop <= line) current = Number(element.dataset.index);
    });
    if (strip.scrollTop + strip.clientHeight >= strip.scrollHeight - 2) current = total;
    setPage(current);
  }, [total]);

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const action = tapAction((event.clientX - box.left) / box.width, prefs.mode);
    if (action && page < total) act(action);
    else showControls();
  };
  const onTouchStart = (event: TouchEvent) => {
    const point = event.touches[0];
    touch.current = point ? { x: point.clientX, y: point.clientY } : null;
  };
  const onTouchEnd = (event: TouchEvent) => {
    const start = touch.current;
    const point = event.changedTouches[0];
    touch.current = null;
    if (!start || !point) return;
    const action = swipeAction(point.clientX - start.x, point.clientY - start.y, prefs.mode);
    if (action) act(action);
  };

  const mark = (set: typeof setLoaded, index: number) => set((current) => new Set(current).add(index));
  const image = (index: number, eager: boolean) =>
    broken.has(index) ? (
      <div key={index} className={styles.pageError} data-index={index} role="alert">
        <p>Не вдалося завантажити сторінку {index + 1}.</p>
        <PillButton onClick={props.onReload}>Завантажити ще раз</PillButton>
      </div>
    ) : (
      // eslint-disable-next-line @next/next/no-img-element -- images of other hosts, at their own size
      <img
        key={`${index}:${pages[index]!.url}`}
        className={styles.image}
        src={pages[index]!.url}
        alt={`Сторінка ${index + 1}`}
        width={pages[index]!.width ?? undefined}
        height={pages[index]!.height ?? undefined}
        loading={eager ? "eager" : "lazy"}
        decoding="async"
        draggable={false}
        data-index={index}
        data-loaded={loaded.has(index) || undefined}
        data-testid={webtoon ? undefined : "reader-page"}
        onLoad={() => mark(setLoaded, index)}
        onError={() => mark(setBroken, index)}
      />
    );
  const end = <ReaderEnd number={chapterNumber(data.chapter.number)} next={next} titleUrl={props.titleUrl} onNavigate={onNavigate} />;
  const fit = prefs.fit === "width" ? styles.fitWidth : styles.fitHeight;

  return (
    <div
      ref={frameRef}
      className={styles.frame}
      tabIndex={0}
      data-testid="reader-frame"
      data-mode={prefs.mode}
      data-fit={prefs.fit}
      data-page={Math.min(page + 1, total)}
      aria-label="Читалка"
      onPointerMove={showControls}
    >
      {webtoon ? (
        <div ref={stripRef} className={`${styles.strip} ${fit}`} data-testid="reader-strip" onScroll={onScroll} onClick={showControls}>
          {pages.map((_, index) => image(index, Math.abs(index - page) <= 2))}
          {end}
        </div>
      ) : (
        <div
          ref={stageRef}
          className={`${styles.stage} ${fit}`}
          dir="ltr"
          onClick={onClick}
          onTouchStart={onTouchStart}
          onTouchEnd={onTouchEnd}
        >
          {page < total ? image(page, true) : end}
        </div>
      )}
      <ReaderControls
        visible={controls.visible}
        page={page}
        total={total}
        prefs={prefs}
        onPrefs={changePrefs}
        onAction={act}
        onGoTo={goTo}
        nextChapter={next}
        onNavigate={onNavigate}
        fullscreen={fullscreen}
        onToggleFullscreen={toggleFullscreen}
      />
    </div>
  );
}
