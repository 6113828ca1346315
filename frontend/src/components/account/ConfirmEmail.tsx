"use client";
/** `/accounts/confirm-email/<key>/`: one click confirms the address and signs in. */
import Link from "@/components/common/IntentLink";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { type AuthOutcome, announceSessionChange, confirmEmail } from "@/lib/api/auth";
import ui from "@/components/common/ui.module.css";
import styles from "./Account.module.css";

export default function ConfirmEmail({ confirmationKey }: { confirmationKey: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<AuthOutcome | null>(null);

  async function confirm() {
    setBusy(true);
    const result = await confirmEmail(confirmationKey);
    setBusy(false);
    setOutcome(result);
    if (result.kind === "signed-in") {
      announceSessionChange();
      router.push("/");
    }
  }

  if (outcome?.kind === "done" || outcome?.kind === "verify-email") {
    return (
      <p className={styles.notice} role="status">
        Адресу підтверджено. <Link href="/accounts/sign-in/">Увійти</Link>
      </p>
    );
  }
  return (
    <div className={styles.form}>
      <p>Натисніть, щоб підтвердити свою електронну пошту й увійти.</p>
      {outcome?.kind === "error" ? (
        <p className={styles.error} role="alert">
          {outcome.fields.key ?? "Посилання недійсне або застаріле. Зареєструйтеся чи надішліть лист ще раз."}
        </p>
      ) : null}
      <button type="button" className={ui.button} onClick={confirm} disabled={busy}>
        Підтвердити адресу
      </button>
    </div>
  );
}
