import { useEffect, useState, type ChangeEvent, type FormEvent } from "react";
import { LEAD_STATUS_VALUES, type LeadSummary } from "@sillage/shared/api/leads";
import { HEADCOUNT_BRACKETS } from "@sillage/shared/scoring/headcount";
import { NETWORK_KINDS } from "@sillage/shared/network/kinds";
import { api } from "../api";
import { formatDuration, formatRelative } from "../format";
import { useI18n, type MessageKey } from "../i18n";
import {
  type FILTER_KEYS,
  filtersFromSearch,
  leadsCsv,
  listParams,
  loadViews,
  searchFromFilters,
  storeViews,
  type Filters,
  type SavedView,
} from "../leads-view";
import { Link, navigate, useRoute } from "../router";
import { ErrorNote, Field, Loading, PageHeader, ScoreBar, StatusBadge } from "../ui/kit";

export function Leads() {
  const { t, lang } = useI18n();
  const route = useRoute();
  const search = route.search.toString();
  const filters = filtersFromSearch(route.search);
  const [draft, setDraft] = useState<Filters>(filters);
  const [items, setItems] = useState<LeadSummary[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [views, setViews] = useState<SavedView[]>(loadViews);
  const [viewName, setViewName] = useState("");

  useEffect(() => {
    setDraft(filtersFromSearch(new URLSearchParams(search)));
    let stale = false;
    setItems(null);
    setError(null);
    api
      .listLeads(listParams(filtersFromSearch(new URLSearchParams(search))))
      .then((page) => {
        if (stale) return;
        setItems(page.items);
        setCursor(page.nextCursor);
      })
      .catch((err) => !stale && setError(err));
    return () => {
      stale = true;
    };
  }, [search]);

  const more = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    try {
      const page = await api.listLeads(listParams(filters, cursor));
      setItems((prev) => [...(prev ?? []), ...page.items]);
      setCursor(page.nextCursor);
    } catch (err) {
      setError(err);
    } finally {
      setLoadingMore(false);
    }
  };

  const apply = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/leads${searchFromFilters(draft)}`);
  };

  /** Every page of the current view, then one CSV file. */
  const exportCsv = async () => {
    const all: LeadSummary[] = [];
    let next: string | undefined;
    do {
      const page = await api.listLeads(listParams(filters, next));
      all.push(...page.items);
      next = page.nextCursor ?? undefined;
    } while (next && all.length < 10_000);
    const headers = ["company", "status", "score", "lastSeen"].map((k) => t(`leads.col.${k}` as MessageKey));
    const csv = leadsCsv(all, [headers[0]!, "SIREN", "Ville", "Effectif", "NAF", headers[1]!, headers[2]!, headers[3]!, "SLA"]);
    const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `sillage-leads-${new Date().toISOString().slice(0, 10)}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const saveView = (e: FormEvent) => {
    e.preventDefault();
    const name = viewName.trim();
    if (!name) return;
    const next = [...views.filter((v) => v.name !== name), { name, search: searchFromFilters(filters) }];
    storeViews(next);
    setViews(next);
    setViewName("");
  };
  const deleteView = (name: string) => {
    const next = views.filter((v) => v.name !== name);
    storeViews(next);
    setViews(next);
  };

  const set = (k: (typeof FILTER_KEYS)[number]) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }));
  /** A filter control's value and change handler. */
  const bind = (k: (typeof FILTER_KEYS)[number]) => ({ value: draft[k] ?? "", onChange: set(k) });
  const now = new Date();

  return (
    <>
      <PageHeader title={t("leads.title")}>
        <button type="button" className="btn" onClick={() => void exportCsv()}>
          ⇩ {t("leads.csv")}
        </button>
      </PageHeader>

      <form className="filters card" onSubmit={apply} aria-label={t("leads.filters")}>
        <Field id="f-q" label={t("leads.q")} className="grow">
          <input id="f-q" type="search" {...bind("q")} />
        </Field>
        <Field id="f-status" label={t("leads.status")}>
          <AnySelect
            id="f-status"
            {...bind("status")}
            any={t("leads.anyStatus")}
            choices={LEAD_STATUS_VALUES.map((s) => [s, t(`status.${s}` as MessageKey)] as const)}
          />
        </Field>
        <Field id="f-min" label={t("leads.minScore")} className="narrow">
          <input id="f-min" type="number" inputMode="numeric" {...bind("minScore")} />
        </Field>
        <Field id="f-naf" label={t("leads.naf")} className="narrow">
          <input id="f-naf" {...bind("naf")} placeholder="62" />
        </Field>
        <Field id="f-head" label={t("leads.headcountMin")}>
          <AnySelect
            id="f-head"
            {...bind("headcountMin")}
            any={t("leads.anyHeadcount")}
            choices={Object.entries(HEADCOUNT_BRACKETS).map(([code, [min]]) => [code, `≥ ${min}`] as const)}
          />
        </Field>
        <Field id="f-net" label={t("leads.networkKind")}>
          <AnySelect id="f-net" {...bind("networkKind")} any={t("leads.anyNetwork")} choices={NETWORK_KINDS.map((k) => [k, k] as const)} />
        </Field>
        <Field id="f-seen" label={t("leads.lastSeenFrom")}>
          <input id="f-seen" type="date" {...bind("lastSeenFrom")} />
        </Field>
        <Field id="f-sort" label={t("leads.sort")}>
          <select id="f-sort" value={draft.sort ?? "score"} onChange={set("sort")}>
            {(["score", "lastSeen", "name"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`leads.sort.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <div className="field actions">
          <button type="submit" className="btn btn-primary">
            {t("leads.apply")}
          </button>
          <button type="button" className="btn btn-ghost" onClick={() => navigate("/leads")}>
            {t("leads.reset")}
          </button>
        </div>
      </form>

      <div className="views" role="group" aria-label={t("leads.views")}>
        <span className="muted small">{t("leads.views")} :</span>
        {views.map((v) => (
          <span key={v.name} className="chip">
            <Link to={`/leads${v.search}`} aria-current={`?${search}` === v.search || (!search && !v.search) ? "true" : undefined}>
              {v.name}
            </Link>
            <button type="button" className="chip-x" aria-label={t("leads.deleteView", { name: v.name })} onClick={() => deleteView(v.name)}>
              ×
            </button>
          </span>
        ))}
        <form className="inline-form" onSubmit={saveView}>
          <label htmlFor="view-name" className="visually-hidden">
            {t("leads.viewName")}
          </label>
          <input id="view-name" placeholder={t("leads.viewName")} value={viewName} onChange={(e) => setViewName(e.target.value)} />
          <button type="submit" className="btn btn-small">
            {t("leads.saveView")}
          </button>
        </form>
      </div>

      {error ? <ErrorNote error={error} /> : null}
      {!items && !error ? <Loading /> : null}
      {items && items.length === 0 ? <p className="empty">{t("leads.empty")}</p> : null}
      {items && items.length > 0 ? (
        <>
          <div className="table-wrap">
            <table className="table leads-table">
              <thead>
                <tr>
                  <th scope="col">{t("leads.col.company")}</th>
                  <th scope="col">{t("leads.col.status")}</th>
                  <th scope="col">{t("leads.col.score")}</th>
                  <th scope="col">{t("leads.col.sla")}</th>
                  <th scope="col">{t("leads.col.lastSeen")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((l) => (
                  <tr key={l.id}>
                    <td>
                      <Link to={`/leads/${encodeURIComponent(l.id)}`} className="strong-link">
                        {l.name}
                      </Link>
                      <div className="muted small">{[l.city, l.headcountLabel, l.nafLabel].filter(Boolean).join(" · ")}</div>
                    </td>
                    <td>
                      <StatusBadge status={l.status} />
                    </td>
                    <td>
                      <ScoreBar value={l.score} threshold={null} />
                    </td>
                    <td>
                      {l.sla ? (
                        <span className={l.sla.overdue ? "sla overdue" : "sla"}>
                          {l.sla.overdue
                            ? `⚠ ${t("sla.overdue", { duration: formatDuration(l.sla.remainingMs, lang) })}`
                            : t("sla.left", { duration: formatDuration(l.sla.remainingMs, lang) })}
                        </span>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    <td>{formatRelative(l.lastSeenAt, now, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted small" role="status">
            {t("leads.count", { count: items.length })}
          </p>
          {cursor ? (
            <button type="button" className="btn" onClick={() => void more()} disabled={loadingMore}>
              {t("common.loadMore")}
            </button>
          ) : null}
        </>
      ) : null}
    </>
  );
}

/** A filter that may be left open: "any" first, then the choices as [value, label]. */
function AnySelect({
  id,
  value,
  onChange,
  any,
  choices,
}: {
  id: string;
  value: string;
  onChange: (e: ChangeEvent<HTMLSelectElement>) => void;
  any: string;
  choices: ReadonlyArray<readonly [string, string]>;
}) {
  return (
    <select id={id} value={value} onChange={onChange}>
      <option value="">{any}</option>
      {choices.map(([v, label]) => (
        <option key={v} value={v}>
          {label}
        </option>
      ))}
    </select>
  );
}
