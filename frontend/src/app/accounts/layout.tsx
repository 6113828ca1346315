/** The sign-in pages: one narrow card, never indexed. */
import type { Metadata } from "next";
import type { ReactNode } from "react";
import styles from "@/components/account/Account.module.css";

export const metadata: Metadata = { robots: { index: false, follow: false } };

export default function AccountsLayout({ children }: { children: ReactNode }) {
  return <section className={styles.card}>{children}</section>;
}
