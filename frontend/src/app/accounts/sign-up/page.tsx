/** `/accounts/sign-up/` */
import type { Metadata } from "next";
import SignUpForm from "@/components/account/SignUpForm";

export const metadata: Metadata = { title: "Реєстрація", description: "Створіть акаунт на AniHata." };

export default function SignUpPage() {
  return (
    <>
      <h1>Реєстрація</h1>
      <SignUpForm />
    </>
  );
}
