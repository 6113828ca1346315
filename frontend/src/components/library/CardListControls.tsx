"use client";
/**
 * The cards' list-status menu (`ListControls` compact) as a small island: the menu, its batched
 * entries hook and the library client are fetched only once the visitor looks signed in — a
 * signed-out visit (the one every search engine and most first visits make) loads none of it.
 */
import dynamic from "next/dynamic";
import type { TitleKind } from "@/lib/api/library";
import { useSignedIn } from "./useSignedIn";

const ListControls = dynamic(() => import("./ListControls"), { ssr: false });

interface CardListControlsProps {
  titleId: number;
  kind: TitleKind;
  name: string;
}

export default function CardListControls({ titleId, kind, name }: CardListControlsProps) {
  const signedIn = useSignedIn();
  return signedIn ? <ListControls titleId={titleId} kind={kind} name={name} compact /> : null;
}
