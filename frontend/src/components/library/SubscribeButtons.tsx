"use client";
/**
 * «Повідомляти про нові серії» on an anime page: follow any Ukrainian dub, or one team. Shown to
 * a signed-in visitor only (filled in the browser; the page stays the same for everyone).
 */
import { useEffect, useState } from "react";
import { errorMessage } from "@/lib/api/browser";
import { type Subscription, fetchSubscriptions, subscribe, unsubscribe } from "@/lib/api/library";
import styles from "./Library.module.css";
import { useSignedIn } from "./useSignedIn";

export interface TeamChoice {
  id: number;
  title: string;
}

/** The subscription of this choice (a team's id, or null: any Ukrainian dub), if any. */
export function subscriptionFor(subscriptions: Subscription[], teamId: number | null): Subscription | undefined {
  return subscriptions.find((item) => (item.dub_team?.id ?? null) === teamId);
}

export default function SubscribeButtons({ titleId, teams }: { titleId: number; teams: TeamChoice[] }) {
  const signedIn = useSignedIn();
  const [subscriptions, setSubscriptions] = useState<Subscription[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!signedIn) return;
    const controller = new AbortController();
    fetchSubscriptions(titleId, controller.signal).then(setSubscriptions, () => setSubscriptions([]));
    return () => controller.abort();
  }, [signedIn, titleId]);

  if (!signedIn || subscriptions === null) return null;

  async function toggle(teamId: number | null) {
    const current = subscriptionFor(subscriptions ?? [], teamId);
    setBusy(true);
    setError(null);
    try {
      if (current) {
        await unsubscribe(current.id);
        setSubscriptions((list) => (list ?? []).filter((item) => item.id !== current.id));
      } else {
        const added = await subscribe(titleId, teamId);
        setSubscriptions((list) => [...(list ?? []), added]);
      }
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  const choices: { id: number | null; label: string }[] = [
    { id: null, label: "Будь-яка українська озвучка" },
    ...teams.map((team) => ({ id: team.id, label: team.title })),
  ];
  return (
    <div className={styles.controls} role="group" aria-label="Повідомляти про нові серії" data-testid="subscribe">
      <span>🔔 Повідомляти про нові серії:</span>
      {choices.map((choice) => (
        <button
          key={choice.id ?? "any"}
          type="button"
          className={styles.toggle}
          aria-pressed={!!subscriptionFor(subscriptions, choice.id)}
          disabled={busy}
          onClick={() => void toggle(choice.id)}
        >
          {choice.label}
        </button>
      ))}
      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
