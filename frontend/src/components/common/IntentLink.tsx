"use client";
/**
 * The site's `<Link>`: next/link without viewport prefetching, prefetching on intent instead
 * (pointer over the link, touch start, keyboard focus). By default every link that scrolls into
 * view fetches its route's RSC payload: the header, the home page's sections and the breadcrumbs
 * made a first visit download and parse a dozen routes while the page was still starting, which
 * Lighthouse's mobile run counts against it. A visitor's intent still gives the next page a head
 * start of a few hundred milliseconds.
 */
import NextLink from "next/link";
import { type ComponentProps, type FocusEvent, type MouseEvent, type TouchEvent, useState } from "react";

type IntentLinkProps = Omit<ComponentProps<typeof NextLink>, "prefetch">;

/**
 * Prefetching is switched on at the first sign of intent: next/link then registers the link as
 * usual, and a link in view (the one under the pointer or focused) is prefetched at once. No
 * router hook here, so the component renders anywhere next/link does (unit tests included).
 */
export default function IntentLink({ onMouseEnter, onTouchStart, onFocus, ...rest }: IntentLinkProps) {
  const [intent, setIntent] = useState(false);
  return (
    <NextLink
      {...rest}
      prefetch={intent ? null : false}
      onMouseEnter={(event: MouseEvent<HTMLAnchorElement>) => {
        setIntent(true);
        onMouseEnter?.(event);
      }}
      onTouchStart={(event: TouchEvent<HTMLAnchorElement>) => {
        setIntent(true);
        onTouchStart?.(event);
      }}
      onFocus={(event: FocusEvent<HTMLAnchorElement>) => {
        setIntent(true);
        onFocus?.(event);
      }}
    />
  );
}
