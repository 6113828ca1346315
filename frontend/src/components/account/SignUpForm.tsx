"use client";
/** `/accounts/sign-up/`: e-mail, optional nickname, password; then «check your mail». */
import Link from "@/components/common/IntentLink";
import { signUp } from "@/lib/api/auth";
import Field from "./Field";
import GoogleButton from "./GoogleButton";
import { secret, text, useAuthForm } from "./useAuthForm";
import ui from "@/components/common/ui.module.css";
import styles from "./Account.module.css";

export default function SignUpForm() {
  const { busy, outcome, fields, formError, onSubmit } = useAuthForm((data) =>
    signUp(text(data, "email"), secret(data, "password"), text(data, "username") || undefined),
  );
  if (outcome?.kind === "verify-email" || outcome?.kind === "done") {
    return (
      <p className={styles.notice} role="status">
        Майже готово! Ми надіслали лист на вашу адресу — відкрийте посилання з нього, щоб
        підтвердити реєстрацію.
      </p>
    );
  }
  return (
    <>
      <form className={styles.form} onSubmit={onSubmit} noValidate>
        <Field label="Електронна пошта" name="email" type="email" autoComplete="email" error={fields.email} />
        <Field
          label="Нікнейм"
          name="username"
          autoComplete="username"
          required={false}
          hint="Необов'язково: його бачитимуть інші. Без нього ми вигадаємо свій."
          error={fields.username}
        />
        <Field
          label="Пароль"
          name="password"
          type="password"
          autoComplete="new-password"
          hint="Щонайменше 8 символів, не лише цифри."
          error={fields.password}
        />
        {formError ? (
          <p className={styles.error} role="alert">
            {formError}
          </p>
        ) : null}
        <button type="submit" className={ui.button} disabled={busy}>
          {busy ? "Реєструємо…" : "Зареєструватися"}
        </button>
      </form>
      <p className={styles.divider}>або</p>
      <GoogleButton />
      <div className={styles.links}>
        <Link href="/accounts/sign-in/">Вже маєте акаунт? Увійти</Link>
      </div>
    </>
  );
}
