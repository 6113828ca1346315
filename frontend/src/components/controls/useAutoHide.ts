"use client";
/** Controls that show on any pointer movement and hide again after a quiet moment. */
import { useCallback, useEffect, useRef, useState } from "react";

export const AUTO_HIDE_MS = 2800;

/** `canHide` is asked when the delay ends (e.g. a paused video keeps its controls). */
export function useAutoHide(canHide: () => boolean) {
  const [visible, setVisible] = useState(true);
  const timer = useRef<number | undefined>(undefined);
  const check = useRef(canHide);
  useEffect(() => {
    check.current = canHide;
  });
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const show = useCallback(() => {
    setVisible(true);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      if (check.current()) setVisible(false);
    }, AUTO_HIDE_MS);
  }, []);

  return { visible, show };
}
