/** `/accounts/reset-password/<key>/`: the link from the reset e-mail. */
import type { Metadata } from "next";
import ResetPasswordForm from "@/components/account/ResetPasswordForm";

export const metadata: Metadata = { title: "Новий пароль" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  return (
    <>
      <h1>Новий пароль</h1>
      <ResetPasswordForm resetKey={key} />
    </>
  );
}
