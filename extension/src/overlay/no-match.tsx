import { useId, useState, type FormEvent } from "react";
import { formatSiren } from "../i18n/format";
import { t, type Lang } from "../i18n/index";
import { StatusBadge } from "./status-badge";
import type { LeadSearchResult } from "./types";

export interface NoMatchProps {
  lang: Lang;
  /** Prefills the search box, e.g. with the company name read from the page. */
  initialQuery?: string;
  /** `null` before the first search. */
  results: LeadSearchResult[] | null;
  searching?: boolean;
  onLinkSearch: (query: string) => void;
  onLink: (leadId: string) => void;
}

/** Shown when the page matched no lead: search leads by name or SIREN and link this page to one. */
export function NoMatch({ lang, initialQuery = "", results, searching = false, onLinkSearch, onLink }: NoMatchProps) {
  const [query, setQuery] = useState(initialQuery);
  const inputId = useId();
  const resultsId = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = query.trim();
    if (q) onLinkSearch(q);
  };

  return (
    <div className="sl-no-match">
      <h2 className="sl-company">{t("noMatch.title", lang)}</h2>
      <p className="sl-muted">{t("noMatch.hint", lang)}</p>
      <form role="search" className="sl-search" onSubmit={submit}>
        <label className="sl-label" htmlFor={inputId}>
          {t("noMatch.searchLabel", lang)}
        </label>
        <div className="sl-row">
          <input
            id={inputId}
            className="sl-input"
            type="search"
            autoComplete="off"
            value={query}
            aria-controls={resultsId}
            onChange={(e) => setQuery(e.target.value)}
          />
          <button type="submit" className="sl-button sl-button--primary" disabled={!query.trim() || searching}>
            {t("noMatch.search", lang)}
          </button>
        </div>
      </form>
      <div id={resultsId} aria-live="polite" aria-busy={searching}>
        {searching ? (
          <p className="sl-muted">{t("noMatch.searching", lang)}</p>
        ) : results === null ? null : results.length === 0 ? (
          <p className="sl-empty">{t("noMatch.noResults", lang)}</p>
        ) : (
          <ul className="sl-list sl-results" aria-label={t("noMatch.results", lang)}>
            {results.map((r) => (
              <li key={r.leadId} className="sl-result">
                <div className="sl-result__main">
                  <span className="sl-result__name">{r.name}</span>
                  <span className="sl-muted">{[r.siren ? formatSiren(r.siren) : null, r.city].filter(Boolean).join(" · ")}</span>
                </div>
                <StatusBadge status={r.status} lang={lang} />
                {r.score !== null && <span className="sl-result__score">{r.score}</span>}
                <button type="button" className="sl-button" aria-label={t("noMatch.linkTo", lang, { name: r.name })} onClick={() => onLink(r.leadId)}>
                  {t("noMatch.link", lang)}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
