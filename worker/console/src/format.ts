import { formatDateTime, formatDuration, formatRelative } from "../../../extension/src/i18n/format";
import type { Lang } from "./i18n";

export { formatDateTime, formatDuration, formatRelative };
export { formatRevenue, formatSiren } from "../../../extension/src/i18n/format";

const LOCALE: Record<Lang, string> = { fr: "fr-FR", en: "en-GB" };

export const formatPercent = (rate: number | null, lang: Lang, na: string) =>
  rate === null ? na : new Intl.NumberFormat(LOCALE[lang], { style: "percent", maximumFractionDigits: 1 }).format(rate);

export const formatNumber = (n: number, lang: Lang) => new Intl.NumberFormat(LOCALE[lang]).format(n);

export const formatDay = (day: string, lang: Lang) =>
  new Intl.DateTimeFormat(LOCALE[lang], { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));

/** "2026-12-03" in UTC, as the API's period parameters. */
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
