"use client";
/** "Problem with the video?": one report per source, then the server's answer in its place. */
import { useState } from "react";
import { errorMessage } from "@/lib/api/browser";
import { reportSource, type PlaybackSource } from "@/lib/api/playback";

export function useSourceReport(source: PlaybackSource | null, failed: boolean) {
  /** The server's answer per reported source. */
  const [notes, setNotes] = useState<Record<number, string>>({});
  const note = source ? notes[source.id] : undefined;

  const report = async () => {
    if (!source) return;
    const id = source.id;
    let text: string;
    try {
      text = await reportSource(id, failed ? "не відтворюється" : "");
    } catch (error) {
      text = errorMessage(error);
    }
    setNotes((current) => ({ ...current, [id]: text }));
  };

  return { note, report };
}
