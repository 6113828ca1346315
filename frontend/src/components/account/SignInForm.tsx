"use client";
/** `/accounts/sign-in/`: e-mail and password; Google below. */
import Link from "@/components/common/IntentLink";
import { signIn } from "@/lib/api/auth";
import Field from "./Field";
import GoogleButton from "./GoogleButton";
import { secret, text, useAuthForm } from "./useAuthForm";
import ui from "@/components/common/ui.module.css";
import styles from "./Account.module.css";

export default function SignInForm() {
  const { busy, outcome, fields, formError, onSubmit } = useAuthForm((data) =>
    signIn(text(data, "email"), secret(data, "password")),
  );
  return (
    <>
      <form className={styles.form} onSubmit={onSubmit} noValidate>
        <Field label="Електронна пошта" name="email" type="email" autoComplete="email" error={fields.email} />
        <Field label="Пароль" name="password" type="password" autoComplete="current-password" error={fields.password} />
        {formError ? (
          <p className={styles.error} role="alert">
            {formError}
          </p>
        ) : null}
        {outcome?.kind === "verify-email" ? (
          <p className={styles.notice} role="status">
            Спершу підтвердьте адресу: ми надіслали лист із посиланням.
          </p>
        ) : null}
        <button type="submit" className={ui.button} disabled={busy}>
          {busy ? "Входимо…" : "Увійти"}
        </button>
      </form>
      <p className={styles.divider}>або</p>
      <GoogleButton />
      <div className={styles.links}>
        <Link href="/accounts/sign-up/">Зареєструватися</Link>
        <Link href="/accounts/reset-password/">Забули пароль?</Link>
      </div>
    </>
  );
}
