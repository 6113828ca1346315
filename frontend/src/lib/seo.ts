/** Metadata and JSON-LD builders shared by every page type. */
import type { Metadata } from "next";
import type { EpisodeSummary, TitleDetail } from "@/lib/api/types";
import { SITE_NAME, absoluteMediaUrl, absoluteUrl } from "@/lib/config";

const DESCRIPTION_LENGTH = 200;

/** Plain text from rich-text HTML, shortened on a word boundary for meta descriptions. */
export function plainText(html: string, limit = DESCRIPTION_LENGTH): string {
  const text = html
    .replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/\s+/g, " ")
    .trim();
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), limit - 20)).trimEnd()}…`;
}

interface PageMetadataInput {
  title: string;
  description: string;
  path: string;
  image?: string | null;
  type?: "website" | "video.tv_show" | "video.episode" | "book" | "profile";
}

export function pageMetadata({ title, description, path, image, type }: PageMetadataInput): Metadata {
  const url = absoluteUrl(path);
  return {
    title,
    description,
    alternates: { canonical: url },
    openGraph: {
      title,
      description,
      url,
      siteName: SITE_NAME,
      locale: "uk_UA",
      type: type === "book" || type === "website" || type === "profile" ? type : "website",
      ...(image ? { images: [{ url: image, alt: title }] } : {}),
    },
    twitter: { card: image ? "summary_large_image" : "summary", title, description },
  };
}

/** schema.org TVSeries (anime) or Book (manga) for a title page. */
export function titleJsonLd(title: TitleDetail): Record<string, unknown> {
  const common = {
    "@context": "https://schema.org",
    name: title.title,
    alternateName: [title.titleEn, title.titleRomaji, title.titleNative, ...title.synonyms].filter(
      Boolean,
    ),
    url: absoluteUrl(title.url),
    description: plainText(title.descriptionHtml, 500) || undefined,
    image: absoluteMediaUrl(title.posterUrl),
    genre: title.genres.map((genre) => genre.name),
    inLanguage: "uk",
    datePublished: title.startDate ?? undefined,
    ...(title.rating !== null && title.ratingCount > 0
      ? {
          aggregateRating: {
            "@type": "AggregateRating",
            ratingValue: title.rating,
            ratingCount: title.ratingCount,
            bestRating: 10,
            worstRating: 1,
          },
        }
      : {}),
  };
  if (title.kind === "manga") {
    return { ...common, "@type": "Book", bookFormat: "GraphicNovel" };
  }
  return {
    ...common,
    "@type": "TVSeries",
    numberOfEpisodes: title.episodesTotal ?? undefined,
    productionCompany: title.studios.map((studio) => ({ "@type": "Organization", name: studio.name })),
    endDate: title.endDate ?? undefined,
  };
}

/** schema.org TVEpisode for a watch page, linked to its series. */
export function episodeJsonLd(episode: EpisodeSummary, title: TitleDetail | null): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": "TVEpisode",
    name: episode.title || `Серія ${episode.number}`,
    episodeNumber: episode.number,
    url: absoluteUrl(episode.url),
    inLanguage: "uk",
    datePublished: episode.airDate ?? undefined,
    timeRequired: episode.duration ? `PT${Math.round(episode.duration / 60)}M` : undefined,
    ...(title
      ? {
          partOfSeries: { "@type": "TVSeries", name: title.title, url: absoluteUrl(title.url) },
          image: absoluteMediaUrl(title.posterUrl),
        }
      : {}),
  };
}
