import { useState, type FormEvent } from "react";
import type { LeadDetail } from "@sillage/shared/api/leads";
import { TRANSITIONS } from "@sillage/shared/lifecycle/statuses";
import { api, errorText } from "../api";
import { formatDateTime, formatDuration, formatRelative, formatRevenue, formatSiren } from "../format";
import { useI18n, type MessageKey } from "../i18n";
import { Link } from "../router";
import { Card, ErrorNote, Loading, PageHeader, ScoreBar, StatusBadge, FormError } from "../ui/kit";
import { useAction, useAsync, useInterval } from "../use-async";

export function LeadPage({ id }: { id: string }) {
  const { t } = useI18n();
  const lead = useAsync(() => api.getLead(id), [id]);
  return (
    <>
      <Link to="/leads" className="back">
        {t("lead.back")}
      </Link>
      {lead.status === "error" ? <ErrorNote error={lead.error} onRetry={() => void lead.reload()} /> : null}
      {!lead.data && lead.status === "loading" ? <Loading /> : null}
      {lead.data ? <LeadView lead={lead.data} reload={lead.reload} /> : null}
    </>
  );
}

function LeadView({ lead, reload }: { lead: LeadDetail; reload: () => Promise<void> }) {
  const { t, lang } = useI18n();
  const now = new Date();
  const c = lead.company;
  const fact = (label: MessageKey, value: string | null | undefined) =>
    value ? (
      <>
        <dt>{t(label)}</dt>
        <dd>{value}</dd>
      </>
    ) : null;
  return (
    <>
      <PageHeader title={c.name}>
        <StatusBadge status={lead.status} />
      </PageHeader>
      <div className="lead-grid">
        <div className="stack">
          <Decision lead={lead} onDone={reload} />
          <Card title={t("explanation.title")}>
            <div className="score-big">
              <ScoreBar value={lead.score.value} threshold={lead.score.threshold} />
              {lead.score.threshold !== null ? <span className="muted small">{t("score.threshold", { threshold: lead.score.threshold })}</span> : null}
            </div>
            {lead.score.explanation.length === 0 ? (
              <p className="muted">{t("explanation.empty")}</p>
            ) : (
              <ul className="explanation">
                {lead.score.explanation.map((line) => (
                  <li key={line.ruleId}>
                    <span className={line.points >= 0 ? "pts plus" : "pts minus"}>
                      {line.points >= 0 ? "+" : ""}
                      {Math.round(line.points * 10) / 10}
                    </span>
                    <span>
                      {line.label}
                      {line.count > 1 ? ` ×${line.count}` : ""}
                    </span>
                    <span className="muted small">{formatRelative(line.at, now, lang)}</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title={t("timeline.title")}>
            {lead.timeline.length === 0 ? (
              <p className="muted">{t("timeline.empty")}</p>
            ) : (
              <ol className="timeline">
                {lead.timeline.map((p, i) => (
                  <li key={i}>
                    <span className="tag">{p.type === "pageview" ? "page" : (p.name ?? p.type)}</span> <span>{p.title || p.path || p.url}</span>
                    <span className="muted small">
                      {" "}
                      {p.path && p.title ? <code>{p.path}</code> : null} · {formatDateTime(p.at, lang)}
                      {p.engagedMs ? ` · ${t("timeline.engaged", { duration: formatDuration(p.engagedMs, lang) })}` : ""}
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </Card>
          <Notes lead={lead} onAdded={reload} />
        </div>
        <div className="stack">
          {lead.sla ? <SlaCountdown sla={lead.sla} /> : null}
          <Card title={t("lead.firmographics")}>
            <dl className="facts">
              {fact("identity.siren", c.siren ? formatSiren(c.siren) : null)}
              {fact("identity.naf", [c.nafCode, c.nafLabel].filter(Boolean).join(" — "))}
              {fact("identity.headcount", c.headcountLabel)}
              {fact(
                "identity.revenue",
                c.revenue !== null
                  ? c.revenueYear
                    ? t("identity.revenueWithYear", { amount: formatRevenue(c.revenue, lang), year: c.revenueYear })
                    : formatRevenue(c.revenue, lang)
                  : null,
              )}
              {fact("identity.category", c.category)}
              {fact("lead.legalForm", c.legalForm)}
              {fact("lead.address", [c.address, c.city].filter(Boolean).join(", "))}
              {fact("lead.establishment", c.establishment?.label)}
              {fact("lead.firstSeen", formatDateTime(lead.firstSeenAt, lang))}
              {fact("lead.lastSeen", formatDateTime(lead.lastSeenAt, lang))}
            </dl>
            {c.linkedinUrl ? (
              <a href={c.linkedinUrl} target="_blank" rel="noopener noreferrer">
                {t("identity.linkedinOpen")}
              </a>
            ) : null}
          </Card>
          <Card title={t("contacts.title")}>
            {lead.contacts.length === 0 ? (
              <p className="muted">{t("contacts.empty")}</p>
            ) : (
              <ul className="plain-list">
                {lead.contacts.map((p) => (
                  <li key={p.id}>
                    <strong>{p.name ?? t("contacts.unnamed")}</strong>
                    {p.jobTitle ? <span className="muted"> · {p.jobTitle}</span> : null}
                    <div className="small">
                      {p.email ? <a href={`mailto:${p.email}`}>{p.email}</a> : null}
                      {p.phone ? (
                        <>
                          {" "}
                          · <a href={`tel:${p.phone.replace(/\s/g, "")}`}>{p.phone}</a>
                        </>
                      ) : null}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title={t("lead.history")}>
            {lead.history.length === 0 ? (
              <p className="muted">{t("lead.historyEmpty")}</p>
            ) : (
              <ol className="history">
                {lead.history.map((h, i) => (
                  <li key={i}>
                    <StatusBadge status={h.from} /> → <StatusBadge status={h.to} />
                    <div className="muted small">
                      {formatDateTime(h.at, lang)} · {t("lead.by", { actor: h.actor === "system" ? t("lead.system") : h.actor })}
                      {h.reasonCode ? ` · ${h.reasonCode}` : ""}
                      {h.note ? ` · « ${h.note} »` : ""}
                    </div>
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}

function SlaCountdown({ sla }: { sla: NonNullable<LeadDetail["sla"]> }) {
  const { t, lang } = useI18n();
  // The countdown ticks on screen from the answer's figure; the API stays the source of truth on reload.
  const [started] = useState(() => Date.now());
  const [, tick] = useState(0);
  useInterval(() => tick((n) => n + 1), 30_000);
  const remaining = sla.remainingMs - (Date.now() - started);
  const overdue = sla.overdue || remaining < 0;
  return (
    <Card title={t("sla.title")} className={overdue ? "sla-card overdue" : "sla-card"}>
      <p className="sla-big" role="status">
        {overdue ? `⚠ ${t("sla.overdue", { duration: formatDuration(-remaining, lang) })}` : t("sla.left", { duration: formatDuration(remaining, lang) })}
      </p>
      <p className="muted small">{t("sla.due", { date: formatDateTime(sla.dueAt, lang) })}</p>
    </Card>
  );
}

function Decision({ lead, onDone }: { lead: LeadDetail; onDone: () => Promise<void> }) {
  const { t } = useI18n();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const { pending, error, run } = useAction();
  const [done, setDone] = useState<string | null>(null);

  const can = (action: "accept" | "reject" | "nurture") => TRANSITIONS[action].from.includes(lead.status);
  const act = (body: { action: "accept" | "reject" | "nurture"; reasonCode?: string; note?: string }) =>
    run(async () => {
      await api.transitionLead(lead.id, body);
      setRejecting(false);
      setDone(t("lead.done", { status: t(`status.${TRANSITIONS[body.action].to}` as MessageKey) }));
      await onDone();
    });
  const chosen = lead.rejectionReasons.find((r) => r.code === reason);
  const reject = (e: FormEvent) => {
    e.preventDefault();
    void act({ action: "reject", reasonCode: reason, note: note.trim() || undefined });
  };

  // After a decision the lead may allow none: the confirmation stays on screen all the same.
  if (!can("accept") && !can("reject") && !can("nurture") && !done) return null;
  return (
    <Card title={t("actions.title")} className="decision">
      {done ? (
        <p className="note note-ok" role="status">
          {done}
        </p>
      ) : null}
      {!rejecting ? (
        <div className="row">
          {can("accept") ? (
            <button type="button" className="btn btn-primary" disabled={pending} onClick={() => void act({ action: "accept" })}>
              ✓ {t("actions.accept")}
            </button>
          ) : null}
          {can("reject") ? (
            <button type="button" className="btn btn-danger" disabled={pending} onClick={() => setRejecting(true)}>
              ✕ {t("actions.reject")}
            </button>
          ) : null}
          {can("nurture") ? (
            <button type="button" className="btn" disabled={pending} onClick={() => void act({ action: "nurture" })}>
              ↺ {t("actions.nurture")}
            </button>
          ) : null}
        </div>
      ) : (
        <form className="form" onSubmit={reject}>
          <label htmlFor="reject-reason">{t("reject.reason")}</label>
          <select id="reject-reason" required value={reason} onChange={(e) => setReason(e.target.value)}>
            <option value="">{t("reject.choose")}</option>
            {lead.rejectionReasons.map((r) => (
              <option key={r.code} value={r.code}>
                {r.label}
              </option>
            ))}
          </select>
          <label htmlFor="reject-note">{chosen?.requiresNote ? t("reject.detailsRequired") : t("reject.details")}</label>
          <textarea id="reject-note" rows={2} required={chosen?.requiresNote} value={note} onChange={(e) => setNote(e.target.value)} />
          <div className="row">
            <button type="submit" className="btn btn-danger" disabled={pending}>
              {t("reject.confirm")}
            </button>
            <button type="button" className="btn" onClick={() => setRejecting(false)}>
              {t("reject.cancel")}
            </button>
          </div>
        </form>
      )}
      <FormError message={error} />
    </Card>
  );
}

function Notes({ lead, onAdded }: { lead: LeadDetail; onAdded: () => Promise<void> }) {
  const { t, lang } = useI18n();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return;
    try {
      await api.addNote(lead.id, body.trim());
      setBody("");
      await onAdded();
    } catch (err) {
      setError(errorText(err, t("app.unreachable")));
    }
  };
  return (
    <Card title={t("notes.title")}>
      {lead.notes.length === 0 ? <p className="muted">{t("notes.empty")}</p> : null}
      <ul className="plain-list">
        {lead.notes.map((n) => (
          <li key={n.id}>
            <p className="note-body">{n.body}</p>
            <span className="muted small">
              {n.authorName} · {formatDateTime(n.at, lang)}
            </span>
          </li>
        ))}
      </ul>
      <form className="form" onSubmit={submit}>
        <label htmlFor="note-body">{t("notes.label")}</label>
        <textarea id="note-body" rows={2} placeholder={t("notes.placeholder")} value={body} onChange={(e) => setBody(e.target.value)} maxLength={5000} />
        <FormError message={error} />
        <div className="row">
          <button type="submit" className="btn">
            {t("notes.add")}
          </button>
        </div>
      </form>
    </Card>
  );
}
