import { formatDuration, formatRelative } from "../i18n/format";
import { t, type Lang } from "../i18n/index";
import { safeHttpUrl } from "./safe-url";
import { Section } from "./section";
import type { PageVisit } from "./types";

/** Newest first, without mutating the caller's array. */
export function newestFirst(visits: readonly PageVisit[]): PageVisit[] {
  return [...visits].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

/** The pages the company visited on the customer's website, with when and for how long. */
export function TimelineSection({ visits, lang, now }: { visits: PageVisit[]; lang: Lang; now: Date }) {
  return (
    <Section title={t("timeline.title", lang)}>
      {visits.length === 0 ? (
        <p className="sl-empty">{t("timeline.empty", lang)}</p>
      ) : (
        <ol className="sl-list sl-timeline">
          {newestFirst(visits).map((visit, i) => {
            const href = safeHttpUrl(visit.url);
            const label = visit.title || visit.path;
            return (
              <li key={`${visit.at}-${i}`} className="sl-timeline__item">
                {href ? (
                  <a href={href} target="_blank" rel="noopener noreferrer" className="sl-timeline__page" title={visit.path}>
                    {label}
                  </a>
                ) : (
                  <span className="sl-timeline__page">{label}</span>
                )}
                <span className="sl-muted">
                  <time dateTime={visit.at}>{formatRelative(visit.at, now, lang)}</time>
                  {visit.engagedMs > 0 && <> · {t("timeline.engaged", lang, { duration: formatDuration(visit.engagedMs, lang) })}</>}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </Section>
  );
}
