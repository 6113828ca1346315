"use client";
/**
 * Whether the visitor looks signed in (Django's hint cookie), read after mounting so the server
 * HTML is the same for everyone: undefined until then, and again after signing in or out.
 */
import { useEffect, useState } from "react";
import { looksSignedIn, SESSION_CHANGED_EVENT } from "@/lib/api/auth";

export function useSignedIn(): boolean | undefined {
  const [signedIn, setSignedIn] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    const read = () => setSignedIn(looksSignedIn());
    read();
    window.addEventListener(SESSION_CHANGED_EVENT, read);
    return () => window.removeEventListener(SESSION_CHANGED_EVENT, read);
  }, []);
  return signedIn;
}
