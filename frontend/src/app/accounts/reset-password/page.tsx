/** `/accounts/reset-password/`: ask for a reset link. */
import type { Metadata } from "next";
import ResetRequestForm from "@/components/account/ResetRequestForm";

export const metadata: Metadata = { title: "Відновлення пароля" };

export default function ResetRequestPage() {
  return (
    <>
      <h1>Відновлення пароля</h1>
      <ResetRequestForm />
    </>
  );
}
