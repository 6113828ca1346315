"use client";
/**
 * Pop-up menus of a control bar: `useMenus` keeps which one is open and closes it on a click
 * outside the bar; `Menu` is the panel, `MenuItem` a radio choice that closes the menu. By
 * keyboard it is the WAI-ARIA menu pattern: opening focuses the chosen item, ↑/↓/Home/End move,
 * Escape closes, and focus goes back to the button that opened the menu after a choice or
 * Escape.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import styles from "./Controls.module.css";

export function useMenus<Name extends string>() {
  const [open, setOpen] = useState<Name | null>(null);
  const barRef = useRef<HTMLDivElement>(null);
  /** The button that opened the menu: focus returns there when the menu closes by keyboard. */
  const trigger = useRef<HTMLElement | null>(null);

  const close = useCallback(() => {
    setOpen(null);
    trigger.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    const close = (event: PointerEvent) => {
      if (!barRef.current?.contains(event.target as Node)) setOpen(null);
    };
    document.addEventListener("pointerdown", close);
    return () => document.removeEventListener("pointerdown", close);
  }, [open]);

  return {
    open,
    barRef,
    toggle: (name: Name) => {
      if (document.activeElement instanceof HTMLElement) trigger.current = document.activeElement;
      setOpen((current) => (current === name ? null : name));
    },
    close,
    /** Picking an item closes the menu, as in every player the viewer knows. */
    choose: (apply: () => void) => () => {
      apply();
      close();
    },
  };
}

function menuItems(menu: HTMLElement | null): HTMLElement[] {
  return menu ? Array.from(menu.querySelectorAll<HTMLElement>('[role^="menuitem"]')) : [];
}

export function MenuAnchor({ children }: { children: ReactNode }) {
  return <div className={styles.menuAnchor}>{children}</div>;
}

export function Menu({ title, children, onClose }: { title: string; children: ReactNode; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const items = menuItems(ref.current);
    (items.find((item) => item.getAttribute("aria-checked") === "true") ?? items[0])?.focus();
  }, []);

  // Keys stay inside the menu: the player's own shortcuts (arrows seek) must not see them.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = menuItems(ref.current);
    const index = items.indexOf(document.activeElement as HTMLElement);
    const moves: Record<string, number> = {
      ArrowDown: (index + 1) % items.length,
      ArrowUp: (index - 1 + items.length) % items.length,
      Home: 0,
      End: items.length - 1,
    };
    if (event.key in moves) items[moves[event.key]!]?.focus();
    else if (event.key === "Escape") onClose();
    else if (event.key === "Tab") {
      onClose();
      return; // Tab goes on from the button that opened the menu
    } else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div ref={ref} className={styles.menu} role="menu" aria-label={title} onKeyDown={onKeyDown}>
      {children}
    </div>
  );
}

/** A labelled group of items inside a menu. */
export function MenuGroup(props: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div role="group" aria-label={props.label} data-testid={props.testId}>
      <p className={styles.menuHeading}>{props.label}</p>
      {props.children}
    </div>
  );
}

export function MenuItem(props: { selected: boolean; onClick: () => void; children: ReactNode; testId?: string }) {
  return (
    <button
      type="button"
      role="menuitemradio"
      aria-checked={props.selected}
      tabIndex={-1}
      className={`${styles.menuItem} ${props.selected ? styles.menuItemSelected : ""}`}
      data-testid={props.testId}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  );
}
