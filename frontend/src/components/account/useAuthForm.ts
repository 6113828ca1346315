"use client";
/** Shared state of the sign-in pages' forms: busy flag, outcome, field errors. */
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { type AuthOutcome, announceSessionChange } from "@/lib/api/auth";

export function useAuthForm(submit: (data: FormData) => Promise<AuthOutcome>) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<AuthOutcome | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    try {
      const result = await submit(new FormData(event.currentTarget));
      setOutcome(result);
      if (result.kind === "signed-in") {
        announceSessionChange();
        router.push("/");
      }
    } finally {
      setBusy(false);
    }
  }

  const fields = outcome?.kind === "error" ? outcome.fields : {};
  const formError = outcome?.kind === "error" ? outcome.message : null;
  return { busy, outcome, fields, formError, onSubmit };
}

export function text(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === "string" ? value.trim() : "";
}

export function secret(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === "string" ? value : "";
}
