"use client";
/**
 * A GET form that drops empty fields before navigating, so URLs stay short
 * (`/anime/?genre=action`, not `/anime/?search=&genre=action&season=…`). Without JavaScript it
 * is an ordinary GET form.
 */
import { useRouter } from "next/navigation";
import type { FormEvent, ReactNode } from "react";

interface CleanGetFormProps {
  action: string;
  className?: string;
  "aria-label"?: string;
  role?: string;
  children: ReactNode;
}

/** The query string of a form's non-empty fields, in document order. */
export function cleanQuery(form: HTMLFormElement): string {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form).entries()) {
    if (typeof value === "string" && value.trim() !== "") params.append(name, value.trim());
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

export default function CleanGetForm({ action, children, ...rest }: CleanGetFormProps) {
  const router = useRouter();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    router.push(`${action}${cleanQuery(event.currentTarget)}`);
  }
  return (
    <form action={action} method="get" onSubmit={onSubmit} {...rest}>
      {children}
    </form>
  );
}
