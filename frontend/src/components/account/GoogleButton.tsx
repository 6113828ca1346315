"use client";
/** «Увійти через Google»: a full-page POST to allauth, which sends the browser to Google. */
import { startGoogleSignIn } from "@/lib/api/auth";
import ui from "@/components/common/ui.module.css";

export default function GoogleButton() {
  return (
    <button type="button" className={`${ui.button} ${ui.buttonGhost}`} onClick={() => startGoogleSignIn()}>
      Увійти через Google
    </button>
  );
}
