/**
 * Next.js configuration: trailing slashes like Wagtail, Django paths proxied to the API origin
 * (nginx does the same split in production), remote poster hosts allowed for next/image.
 */
import type { NextConfig } from "next";

const apiUrl = (process.env.API_URL ?? "http://127.0.0.1:8000").replace(/\/+$/, "");

/** Path prefixes that belong to Django; everything else is served by Next.js. */
const DJANGO_PREFIXES = ["api", "admin", "forum", "_allauth", "static", "media", "health"];

const nextConfig: NextConfig = {
  // The Docker image runs `node server.js` from a standalone build (docker/frontend/Dockerfile).
  ...(process.env.NEXT_OUTPUT === "standalone" ? { output: "standalone" as const } : {}),
  // A CDN in front of the hashed /_next/static/ assets is a setting: ASSET_PREFIX=https://cdn…
  ...(process.env.ASSET_PREFIX ? { assetPrefix: process.env.ASSET_PREFIX } : {}),
  trailingSlash: true,
  poweredByHeader: false,
  reactStrictMode: true,
  // `make dev` may be opened as 127.0.0.1 as well as localhost; both may use dev-only resources.
  allowedDevOrigins: ["127.0.0.1", "localhost"],
  // Django's URLs end with "/" and must reach it unchanged, so the rewrite keeps the slash.
  skipTrailingSlashRedirect: false,
  images: {
    remotePatterns: [
      { protocol: "https", hostname: "cdn.myanimelist.net" },
      { protocol: "https", hostname: "s4.anilist.co" },
      { protocol: "https", hostname: "media.kitsu.app" },
      { protocol: "https", hostname: "uploads.mangadex.org" },
      { protocol: "https", hostname: "cdn.hikka.io" },
    ],
  },
  async rewrites() {
    return {
      beforeFiles: [
        // Browsers ask for /favicon.ico on pages without an icon link (plain-text answers).
        { source: "/favicon.ico", destination: "/icon.svg" },
        ...DJANGO_PREFIXES.flatMap((prefix) => [
          { source: `/${prefix}/:path*/`, destination: `${apiUrl}/${prefix}/:path*/` },
          { source: `/${prefix}/:path*`, destination: `${apiUrl}/${prefix}/:path*` },
        ]),
      ],
    };
  },
};

export default nextConfig;
