/** A friendly "nothing here" block with optional suggestions. */
import type { ReactNode } from "react";
import styles from "@/components/common/EmptyState.module.css";

export default function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className={styles.emptyState} role="status">
      <p className={styles.emptyStateTitle}>{title}</p>
      {children}
    </div>
  );
}
