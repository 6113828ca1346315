"use client";
/** `/accounts/reset-password/`: the same answer for every address (no account discovery). */
import Link from "@/components/common/IntentLink";
import { requestPasswordReset } from "@/lib/api/auth";
import Field from "./Field";
import { text, useAuthForm } from "./useAuthForm";
import ui from "@/components/common/ui.module.css";
import styles from "./Account.module.css";

export default function ResetRequestForm() {
  const { busy, outcome, fields, formError, onSubmit } = useAuthForm((data) =>
    requestPasswordReset(text(data, "email")),
  );
  if (outcome?.kind === "done") {
    return (
      <p className={styles.notice} role="status">
        Якщо ця адреса є в нас, на неї вже йде лист із посиланням для нового пароля.
      </p>
    );
  }
  return (
    <>
      <form className={styles.form} onSubmit={onSubmit} noValidate>
        <Field label="Електронна пошта" name="email" type="email" autoComplete="email" error={fields.email} />
        {formError ? (
          <p className={styles.error} role="alert">
            {formError}
          </p>
        ) : null}
        <button type="submit" className={ui.button} disabled={busy}>
          Надіслати посилання
        </button>
      </form>
      <div className={styles.links}>
        <Link href="/accounts/sign-in/">Згадали? Увійти</Link>
      </div>
    </>
  );
}
