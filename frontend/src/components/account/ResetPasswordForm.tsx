"use client";
/** `/accounts/reset-password/<key>/`: the new password for the link's account. */
import Link from "@/components/common/IntentLink";
import { resetPassword } from "@/lib/api/auth";
import Field from "./Field";
import { secret, useAuthForm } from "./useAuthForm";
import ui from "@/components/common/ui.module.css";
import styles from "./Account.module.css";

export default function ResetPasswordForm({ resetKey }: { resetKey: string }) {
  const { busy, outcome, fields, formError, onSubmit } = useAuthForm((data) =>
    resetPassword(resetKey, secret(data, "password")),
  );
  if (outcome?.kind === "done") {
    return (
      <p className={styles.notice} role="status">
        Пароль змінено. <Link href="/accounts/sign-in/">Увійти</Link>
      </p>
    );
  }
  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate>
      <Field label="Новий пароль" name="password" type="password" autoComplete="new-password" error={fields.password} />
      {formError || fields.key ? (
        <p className={styles.error} role="alert">
          {fields.key ?? formError}
        </p>
      ) : null}
      <button type="submit" className={ui.button} disabled={busy}>
        Зберегти пароль
      </button>
    </form>
  );
}
