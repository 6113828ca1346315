/** Breadcrumb trail (the last item is the current page). */
import Link from "@/components/common/IntentLink";
import styles from "@/components/layout/Layout.module.css";

export interface Crumb {
  href: string;
  label: string;
}

export default function Breadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="Навігаційний ланцюжок" className={styles.breadcrumbs}>
      <ol>
        <li>
          <Link href="/">Головна</Link>
        </li>
        {items.map((item, index) => (
          <li key={item.href}>
            {index === items.length - 1 ? (
              <span aria-current="page">{item.label}</span>
            ) : (
              <Link href={item.href}>{item.label}</Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
