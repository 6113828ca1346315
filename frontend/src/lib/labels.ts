/** Ukrainian wording for API codes (status, format, season, audio, order) and formatters. */

export const STATUS_LABELS: Record<string, string> = {
  announced: "Анонс",
  ongoing: "Виходить",
  finished: "Завершено",
  paused: "Призупинено",
  cancelled: "Скасовано",
};

export const FORMAT_LABELS: Record<string, string> = {
  tv: "ТБ-серіал",
  movie: "Фільм",
  ova: "OVA",
  ona: "ONA",
  special: "Спешл",
  music: "Кліп",
  manga: "Манґа",
  manhwa: "Манхва",
  manhua: "Маньхуа",
  one_shot: "Ваншот",
  light_novel: "Ранобе",
};

export const SEASON_LABELS: Record<string, string> = {
  winter: "Зима",
  spring: "Весна",
  summer: "Літо",
  fall: "Осінь",
};

export const AUDIO_LABELS: Record<string, string> = {
  uk: "Українська",
  ja: "Японська",
  en: "Англійська",
};

export const AGE_RATING_LABELS: Record<string, string> = {
  g: "0+",
  pg: "7+",
  pg13: "13+",
  r: "17+",
  r_plus: "18+",
  rx: "18+",
};

export const KIND_LABELS: Record<string, string> = { anime: "Аніме", manga: "Манґа" };

export const ORDER_LABELS: Record<string, string> = {
  "-rating": "За рейтингом",
  "-year": "Спершу новіші",
  title: "За назвою",
  "-updated": "Нещодавно оновлені",
};

export function labelOf(map: Record<string, string>, code: string | null | undefined): string {
  if (!code) return "";
  return map[code] ?? code;
}

/** Ukrainian plural: plural(5, ["серія", "серії", "серій"]) -> "серій". */
export function plural(count: number, forms: readonly [string, string, string]): string {
  const n = Math.abs(count) % 100;
  const last = n % 10;
  if (n > 10 && n < 20) return forms[2];
  if (last === 1) return forms[0];
  if (last >= 2 && last <= 4) return forms[1];
  return forms[2];
}

export function countLabel(count: number, forms: readonly [string, string, string]): string {
  return `${count} ${plural(count, forms)}`;
}

export const TITLE_FORMS = ["тайтл", "тайтли", "тайтлів"] as const;
export const EPISODE_FORMS = ["серія", "серії", "серій"] as const;
export const CHAPTER_FORMS = ["розділ", "розділи", "розділів"] as const;
export const VOTE_FORMS = ["оцінка", "оцінки", "оцінок"] as const;
export const REPLY_FORMS = ["відповідь", "відповіді", "відповідей"] as const;

const dateFormat = new Intl.DateTimeFormat("uk-UA", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/Kyiv",
});

const dayMonthFormat = new Intl.DateTimeFormat("uk-UA", {
  day: "numeric",
  month: "long",
  timeZone: "Europe/Kyiv",
});

/** "2026-11-27" -> "27 листопада". */
export function formatDayMonth(value: string): string {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? value : dayMonthFormat.format(date);
}

const timeFormat = new Intl.DateTimeFormat("uk-UA", {
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/Kyiv",
});

/** "2024-04-06" -> "6 квітня 2024 р."; invalid input is returned unchanged. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return "";
  // Date-only strings are calendar dates: pin them to noon UTC so no time zone shifts the day.
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
}

const weekdayTimeFormat = new Intl.DateTimeFormat("uk-UA", {
  weekday: "short",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/Kyiv",
});

/** "сб, 14:00" in Kyiv time: when a dub is expected. */
export function formatWeekdayTime(value: string | null | undefined): string {
  if (!value) return "";
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? "" : weekdayTimeFormat.format(date);
}

export function formatTime(value: string | null | undefined): string {
  if (!value) return "";
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? "" : timeFormat.format(date);
}

export function formatRating(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : value.toFixed(1);
}
