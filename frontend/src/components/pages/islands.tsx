"use client";
/**
 * The page views' heavy client components, each in its own chunk. Every page type renders
 * through one catch-all route, so a client component imported directly by any view lands in the
 * JavaScript every page loads (the home page paid for the player, the reader and the comments).
 * `next/dynamic` from a client module splits them off: still rendered on the server, and the
 * chunk is preloaded only on pages that render it. (A server component's dynamic import does
 * not split client code, hence this client module.)
 */
import dynamic from "next/dynamic";
import playerStyles from "@/components/player/Player.module.css";
import readerStyles from "@/components/reader/Reader.module.css";
// The comments' CSS in the route's stylesheet: as a chunk of its own it was one more render-
// blocking file on every title and episode page.
import "@/components/comments/Comments.module.css";

/** The boxes shown during a client-side navigation until the chunk arrives (no layout shift). */
function PlayerBox() {
  return (
    <div className={playerStyles.player} aria-busy="true">
      <div className={playerStyles.frame} />
      <div className={playerStyles.bar} aria-hidden="true" />
    </div>
  );
}

function ReaderBox() {
  return (
    <section className={readerStyles.reader} aria-label="Читання розділу" aria-busy="true">
      <div className={readerStyles.frame} />
    </section>
  );
}

export const Player = dynamic(() => import("@/components/player/Player"), { loading: PlayerBox });
export const Reader = dynamic(() => import("@/components/reader/Reader"), { loading: ReaderBox });
export const CommentSection = dynamic(() => import("@/components/comments/CommentSection"));
