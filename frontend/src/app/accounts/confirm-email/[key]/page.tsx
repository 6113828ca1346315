/** `/accounts/confirm-email/<key>/`: the link from the confirmation e-mail. */
import type { Metadata } from "next";
import ConfirmEmail from "@/components/account/ConfirmEmail";

export const metadata: Metadata = { title: "Підтвердження пошти" };

export default async function ConfirmEmailPage({ params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  return (
    <>
      <h1>Підтвердження пошти</h1>
      <ConfirmEmail confirmationKey={key} />
    </>
  );
}
