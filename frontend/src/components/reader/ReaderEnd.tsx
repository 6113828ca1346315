/** What follows the last page: the next chapter, or the way back to the title. */
import Link from "@/components/common/IntentLink";
import { PillButton } from "@/components/controls/ControlButton";
import styles from "./Reader.module.css";

export default function ReaderEnd(props: {
  number: string;
  next: { number: string; url: string } | null;
  titleUrl: string;
  onNavigate: (url: string) => void;
}) {
  return (
    <div className={styles.end} data-testid="reader-end">
      <p>Кінець розділу {props.number}.</p>
      {!props.next && <p>Це останній розділ, що є на сайті.</p>}
      <div className={styles.row}>
        {props.next && (
          <PillButton variant="accent" onClick={() => props.onNavigate(props.next!.url)}>
            Розділ {props.next.number} →
          </PillButton>
        )}
        <Link href={`${props.titleUrl}#chapters`} className={styles.sourceLink}>
          Усі розділи
        </Link>
      </div>
    </div>
  );
}
