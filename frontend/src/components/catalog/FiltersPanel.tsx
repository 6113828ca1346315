"use client";
/** On narrow screens the filter form folds behind a "Фільтри" button; wide screens always show it. */
import { type ReactNode, useId, useState } from "react";
import styles from "@/components/catalog/Catalog.module.css";
import ui from "@/components/common/ui.module.css";

export default function FiltersPanel({ activeCount, children }: { activeCount: number; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className={styles.filtersPanel} data-open={open}>
      <button
        type="button"
        className={`${ui.button} ${ui.buttonGhost} ${styles.filtersPanelToggle}`}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        Фільтри{activeCount > 0 ? ` (${activeCount})` : ""}
      </button>
      <div id={panelId} className={styles.filtersPanelBody}>
        {children}
      </div>
    </div>
  );
}
