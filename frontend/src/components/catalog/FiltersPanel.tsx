"use client";
/** On narrow screens the filter form folds behind a "Фільтри" button; wide screens always show it. */
import { type ReactNode, useId, useState } from "react";

export default function FiltersPanel({ activeCount, children }: { activeCount: number; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className="filters-panel" data-open={open}>
      <button
        type="button"
        className="button button--ghost filters-panel__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        Фільтри{activeCount > 0 ? ` (${activeCount})` : ""}
      </button>
      <div id={panelId} className="filters-panel__body">
        {children}
      </div>
    </div>
  );
}
