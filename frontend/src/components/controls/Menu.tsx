"use client";
/**
 * Pop-up menus of a control bar: `useMenus` keeps which one is open and closes it on a click
 * outside the bar; `Menu` is the panel, `MenuItem` a radio choice that closes the menu.
 */
import { useEffect, useRef, useState, type ReactNode } from "react";
import styles from "./Controls.module.css";

export function useMenus<Name extends string>() {
  const [open, setOpen] = useState<Name | null>(null);
  const barRef = useRef<HTMLDivElement>(null);

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
    toggle: (name: Name) => setOpen((current) => (current === name ? null : name)),
    /** Picking an item closes the menu, as in every player the viewer knows. */
    choose: (apply: () => void) => () => {
      apply();
      setOpen(null);
    },
  };
}

export function MenuAnchor({ children }: { children: ReactNode }) {
  return <div className={styles.menuAnchor}>{children}</div>;
}

export function Menu({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className={styles.menu} role="menu" aria-label={title}>
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
      className={`${styles.menuItem} ${props.selected ? styles.menuItemSelected : ""}`}
      data-testid={props.testId}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  );
}
