import type { Lang } from "./index";

/** Locale-aware formatting through the platform's Intl, so no date or number library is needed. */

const LOCALE: Record<Lang, string> = { fr: "fr-FR", en: "en-GB" };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function toDate(at: string | Date): Date {
  return at instanceof Date ? at : new Date(at);
}

/** "il y a 3 heures", "hier", "in 2 days". */
export function formatRelative(at: string | Date, now: Date, lang: Lang): string {
  const diff = toDate(at).getTime() - now.getTime();
  if (Number.isNaN(diff)) return "";
  const rtf = new Intl.RelativeTimeFormat(LOCALE[lang], { numeric: "auto" });
  const abs = Math.abs(diff);
  if (abs < MINUTE) return rtf.format(0, "second");
  if (abs < HOUR) return rtf.format(Math.round(diff / MINUTE), "minute");
  if (abs < DAY) return rtf.format(Math.round(diff / HOUR), "hour");
  if (abs < 7 * DAY) return rtf.format(Math.round(diff / DAY), "day");
  if (abs < 30 * DAY) return rtf.format(Math.round(diff / (7 * DAY)), "week");
  if (abs < 365 * DAY) return rtf.format(Math.round(diff / (30 * DAY)), "month");
  return rtf.format(Math.round(diff / (365 * DAY)), "year");
}

/** A compact duration: "45 s", "12 min", "5 h 12 min", "2 j 3 h" (FR) / "2 d 3 h" (EN). */
export function formatDuration(ms: number, lang: Lang): string {
  const abs = Math.max(0, Math.abs(ms));
  if (abs < MINUTE) return `${Math.round(abs / 1000)} s`;
  const days = Math.floor(abs / DAY);
  const hours = Math.floor((abs % DAY) / HOUR);
  const minutes = Math.floor((abs % HOUR) / MINUTE);
  if (days > 0) return hours > 0 ? `${days} ${lang === "fr" ? "j" : "d"} ${hours} h` : `${days} ${lang === "fr" ? "j" : "d"}`;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  return `${minutes} min`;
}

/** Revenue in euros, compact: "27,4 Md €" / "€27.4B". */
export function formatRevenue(amount: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang], {
    style: "currency",
    currency: "EUR",
    notation: "compact",
    maximumFractionDigits: 1,
  }).format(amount);
}

export function formatDateTime(at: string | Date, lang: Lang): string {
  const d = toDate(at);
  if (Number.isNaN(d.getTime())) return "";
  return new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: "medium", timeStyle: "short" }).format(d);
}

/** "794 598 813": how SIRENs are printed in France. */
export function formatSiren(siren: string): string {
  return /^\d{9}$/.test(siren) ? `${siren.slice(0, 3)} ${siren.slice(3, 6)} ${siren.slice(6)}` : siren;
}
