import type { ExplainLine } from "./explain";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "il y a 3 jours", "il y a 5 min", "hier", "à l'instant". */
export function relativeTimeFr(at: number, now: number): string {
  const elapsed = Math.max(0, now - at);
  if (elapsed < MINUTE) return "à l'instant";
  if (elapsed < HOUR) return `il y a ${Math.floor(elapsed / MINUTE)} min`;
  if (elapsed < DAY) return `il y a ${Math.floor(elapsed / HOUR)} h`;
  const days = Math.floor(elapsed / DAY);
  if (days === 1) return "hier";
  if (days < 60) return `il y a ${days} jours`;
  const months = Math.floor(days / 30);
  if (months < 24) return `il y a ${months} mois`;
  return `il y a ${Math.floor(days / 365)} ans`;
}

/** "+20", "−30", "+13,4": French decimal comma, a real minus sign. */
export function formatPoints(points: number): string {
  const text = String(Math.abs(points)).replace(".", ",");
  return `${points < 0 ? "\u2212" : "+"}${text}`;
}

/** "+20 Page Tarifs, il y a 3 jours" (with "×4" when the rule counted several times). */
export function formatExplainLine(line: ExplainLine, now: number): string {
  const times = line.count > 1 ? ` (×${line.count})` : "";
  return `${formatPoints(line.points)} ${line.label}${times}, ${relativeTimeFr(line.at, now)}`;
}
