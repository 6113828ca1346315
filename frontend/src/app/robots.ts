/** `/robots.txt`: everything public is crawlable except previews, search results and the API. */
import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/config";

export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [
      {
        userAgent: "*",
        allow: "/",
        disallow: ["/preview/", "/revalidate/", "/search/", "/api/", "/admin/", "/_allauth/"],
      },
    ],
    sitemap: absoluteUrl("/sitemap.xml"),
  };
}
