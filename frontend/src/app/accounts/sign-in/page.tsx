/** `/accounts/sign-in/` */
import type { Metadata } from "next";
import SignInForm from "@/components/account/SignInForm";

export const metadata: Metadata = { title: "Вхід", description: "Увійдіть на AniHata." };

export default function SignInPage() {
  return (
    <>
      <h1>Вхід</h1>
      <SignInForm />
    </>
  );
}
