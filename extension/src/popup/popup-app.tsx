/**
 * The toolbar popup: the lead of the site in the current tab (any company website, thanks to activeTab),
 * and the MQL inbox, hottest first, with the time left on each handover SLA.
 */
import { useEffect, useId, useState } from "react";
import type { LeadDetail, LeadSummary } from "@sillage/shared/api/leads";
import { browser } from "wxt/browser";
import { formatDuration } from "../i18n/format";
import type { Lang } from "../i18n/index";
import { StatusBadge } from "../overlay/status-badge";
import { sendRequest, type Failure } from "../messages";
import { roundScore, toOverlayLead } from "../panel/overlay-lead";
import { slaTimer, sortInbox } from "./inbox";
import { tabSite, type TabSite } from "./tab-site";
import { pt } from "./texts";
import { useNow } from "../overlay/use-now";

function failureText(failure: Failure, lang: Lang): string {
  switch (failure.kind) {
    case "bad-api-key":
      return pt("badKey", lang);
    case "unreachable":
      return pt("unreachable", lang);
    case "not-configured":
    case "no-permission":
      return pt("setup", lang);
    case "api":
      return pt("apiError", lang, { message: failure.message, requestId: failure.requestId || "—" });
    default:
      return failure.message;
  }
}

function SlaText({ sla, lang, now }: { sla: LeadSummary["sla"]; lang: Lang; now: number }) {
  const timer = slaTimer(sla, now);
  if (!timer) return <span className="pp-muted">{pt("noSla", lang)}</span>;
  const duration = formatDuration(timer.remainingMs, lang);
  return <span className={timer.overdue ? "pp-sla pp-sla--overdue" : "pp-sla"}>{pt(timer.overdue ? "slaOverdue" : "slaLeft", lang, { duration })}</span>;
}

function LeadRow({ lead, lang, now }: { lead: LeadSummary; lang: Lang; now: number }) {
  return (
    <li className="pp-lead">
      <div className="pp-lead__main">
        <span className="pp-lead__name">{lead.name}</span>
        <span className="pp-muted">{[lead.city, lead.headcountLabel].filter(Boolean).join(" · ")}</span>
      </div>
      <div className="pp-lead__side">
        <span className="pp-score" title={pt("score", lang, { score: roundScore(lead.score) })}>
          {roundScore(lead.score)}
        </span>
        {lead.status === "mql" ? <SlaText sla={lead.sla} lang={lang} now={now} /> : <StatusBadge status={lead.status} lang={lang} />}
      </div>
    </li>
  );
}

function CurrentSite({ lang }: { lang: Lang }) {
  const [site, setSite] = useState<TabSite | null>(null);
  const [lead, setLead] = useState<LeadDetail | null | undefined>(undefined);
  const [failure, setFailure] = useState<Failure | null>(null);

  useEffect(() => {
    browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      // tab.url is only there because the user clicked the button (activeTab); otherwise nothing is shown.
      const found = tabSite(tab?.url);
      setSite(found);
      if (found.kind !== "website") return;
      sendRequest("lookup", { plan: [{ by: "domain", value: found.domain }] }).then((r) => {
        if (r.ok) setLead(r.value.lead);
        else setFailure(r.error);
      });
    });
  }, []);

  if (!site) return null;
  let body;
  if (site.kind === "none") body = <p className="pp-muted">{pt("noTab", lang)}</p>;
  else if (site.kind === "overlaid") body = <p className="pp-muted">{pt("overlaid", lang)}</p>;
  else if (failure) body = <p className="pp-error">{failureText(failure, lang)}</p>;
  else if (lead === undefined) body = <p className="pp-muted">{pt("loading", lang)}</p>;
  else if (lead === null) body = <p className="pp-muted">{pt("noLead", lang, { domain: site.domain })}</p>;
  else
    body = (
      <div className="pp-site-lead">
        <div className="pp-lead__main">
          <span className="pp-lead__name">{lead.company.name}</span>
          <span className="pp-muted">{[lead.company.city, lead.company.headcountLabel].filter(Boolean).join(" · ")}</span>
        </div>
        <div className="pp-lead__side">
          <span className="pp-score">{roundScore(lead.score.value)}</span>
          <StatusBadge status={lead.status} lang={lang} />
        </div>
        {lead.timeline.length > 0 && (
          <ul className="pp-pages">
            {toOverlayLead(lead, lang)
              .timeline.slice(0, 3)
              .map((v, i) => (
                <li key={`${v.at}-${i}`} className="pp-muted">
                  {v.title || v.path}
                </li>
              ))}
          </ul>
        )}
      </div>
    );
  return (
    <section aria-labelledby="pp-site">
      <h2 id="pp-site">{pt("thisSite", lang)}</h2>
      {body}
    </section>
  );
}

function Inbox({ lang }: { lang: Lang }) {
  const [q, setQ] = useState("");
  const [items, setItems] = useState<LeadSummary[] | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const now = useNow(undefined, 1_000).getTime();
  const searchId = useId();

  useEffect(() => {
    let cancelled = false;
    // Typing waits for a pause, so a search is not sent per keystroke.
    const timer = setTimeout(
      () => {
        const query = q.trim();
        sendRequest("list-leads", query ? { q: query, limit: 50 } : { status: "mql", limit: 50 }).then((r) => {
          if (cancelled) return;
          if (r.ok) {
            setFailure(null);
            setItems(sortInbox(r.value));
          } else setFailure(r.error);
        });
      },
      q ? 250 : 0,
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [q]);

  return (
    <section aria-labelledby="pp-inbox">
      <h2 id="pp-inbox">{pt("inbox", lang)}</h2>
      <label className="pp-sr" htmlFor={searchId}>
        {pt("search", lang)}
      </label>
      <input id={searchId} className="pp-search" type="search" placeholder={pt("searchPlaceholder", lang)} value={q} onChange={(e) => setQ(e.target.value)} />
      {failure ? (
        <p className="pp-error" role="alert">
          {failureText(failure, lang)}
        </p>
      ) : items === null ? (
        <p className="pp-muted">{pt("loading", lang)}</p>
      ) : items.length === 0 ? (
        <p className="pp-muted">{pt(q.trim() ? "noResults" : "empty", lang)}</p>
      ) : (
        <ol className="pp-list">
          {items.map((lead) => (
            <LeadRow key={lead.id} lead={lead} lang={lang} now={now} />
          ))}
        </ol>
      )}
    </section>
  );
}

export function PopupApp({ lang }: { lang: Lang }) {
  return (
    <main className="pp">
      <header className="pp-header">
        <span className="pp-brand">Sillage</span>
        <button type="button" className="pp-link" onClick={() => void browser.runtime.openOptionsPage()}>
          {pt("openOptions", lang)}
        </button>
      </header>
      <CurrentSite lang={lang} />
      <Inbox lang={lang} />
    </main>
  );
}
