import { useState } from "react";
import { DEFAULT_REJECTION_REASONS } from "@sillage/shared/lifecycle/rejection-reasons";
import type { Kpis } from "@sillage/shared/console-api";
import { api } from "../api";
import { formatDay, formatDuration, formatPercent, isoDay } from "../format";
import { useI18n, type MessageKey } from "../i18n";
import { ColumnChart, HBarChart } from "../ui/charts";
import { REFERENCES, compareToReference } from "../references";
import { Card, ErrorNote, Loading, PageHeader } from "../ui/kit";
import { useAsync } from "../use-async";

const DAY = 86_400_000;

const PRESETS = [
  { days: 30, label: "dash.last30" },
  { days: 90, label: "dash.last90" },
  { days: 365, label: "dash.last365" },
] as const;

export function Dashboard() {
  const { t, lang } = useI18n();
  const [period, setPeriod] = useState(() => ({ from: isoDay(Date.now() - 29 * DAY), to: isoDay(Date.now()) }));
  const kpis = useAsync(() => api.kpis(period.from, period.to), [period.from, period.to]);
  const weekly = useAsync(() => api.weekly(period.from, period.to), [period.from, period.to]);

  return (
    <>
      <PageHeader title={t("dash.title")}>
        <fieldset className="period">
          <legend className="visually-hidden">{t("dash.period")}</legend>
          {PRESETS.map((p) => (
            <button
              key={p.days}
              type="button"
              className="btn btn-small"
              onClick={() => setPeriod({ from: isoDay(Date.now() - (p.days - 1) * DAY), to: isoDay(Date.now()) })}
            >
              {t(p.label)}
            </button>
          ))}
          <label htmlFor="p-from">{t("dash.from")}</label>
          <input
            id="p-from"
            type="date"
            value={period.from}
            max={period.to}
            onChange={(e) => e.target.value && setPeriod((p) => ({ ...p, from: e.target.value }))}
          />
          <label htmlFor="p-to">{t("dash.to")}</label>
          <input
            id="p-to"
            type="date"
            value={period.to}
            min={period.from}
            onChange={(e) => e.target.value && setPeriod((p) => ({ ...p, to: e.target.value }))}
          />
        </fieldset>
      </PageHeader>
      {kpis.status === "error" ? <ErrorNote error={kpis.error} onRetry={() => void kpis.reload()} /> : null}
      {!kpis.data && kpis.status === "loading" ? <Loading /> : null}
      {kpis.data ? <KpiView k={kpis.data} /> : null}
      <Card title={t("dash.weekly")}>
        {weekly.status === "error" ? <ErrorNote error={weekly.error} /> : null}
        {weekly.data ? (
          <ColumnChart
            title={t("dash.weekly")}
            data={weekly.data.weeks.map((w) => ({ label: formatDay(w.week, lang), value: w.mqls, title: `${t("dash.weekOf", { week: w.week })} : ${w.mqls}` }))}
          />
        ) : (
          <Loading />
        )}
      </Card>
    </>
  );
}

function KpiView({ k }: { k: Kpis }) {
  const { t, lang } = useI18n();
  const na = t("dash.na");
  const pct = (r: number | null) => formatPercent(r, lang, na);
  const reasons = Object.entries(k.rejectionReasons)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  const reasonLabel = (code: string) => DEFAULT_REJECTION_REASONS.find((r) => r.code === code)?.label ?? code;
  return (
    <>
      <div className="kpi-grid">
        <RateCard
          title={t("dash.leadToMql")}
          rate={k.leadToMqlRate}
          reference={REFERENCES.leadToMql}
          refText={t("dash.refLeadToMql")}
          detail={`${k.mqls} / ${k.leads}`}
        />
        <RateCard
          title={t("dash.mqlToSql")}
          rate={k.mqlToSqlRate}
          reference={REFERENCES.mqlToSql}
          refText={t("dash.refMqlToSql")}
          detail={`${k.sqls} / ${k.mqls}`}
        />
        <div className="kpi card">
          <h2>{t("dash.median")}</h2>
          <p className="kpi-value">{k.medianMqlToSqlMs === null ? na : formatDuration(k.medianMqlToSqlMs, lang)}</p>
        </div>
        <div className="kpi card">
          <h2>{t("dash.sla", { hours: k.sla.slaHours })}</h2>
          <p className="kpi-value">{pct(k.sla.compliance)}</p>
          <p className="muted small">{t("dash.slaDetail", { inTime: k.sla.inTime, breached: k.sla.breached, pending: k.sla.pending })}</p>
        </div>
      </div>
      <div className="two-col">
        <Card title={t("dash.funnel")}>
          <div data-testid="funnel">
            <HBarChart
              title={`${t("dash.funnel")} : ${t("dash.leads")} ${k.leads}, ${t("dash.mqls")} ${k.mqls}, ${t("dash.sqls")} ${k.sqls}`}
              data={[
                { label: t("dash.leads"), value: k.leads, fill: "solid" },
                { label: t("dash.mqls"), value: k.mqls, note: k.leadToMqlRate !== null ? `(${pct(k.leadToMqlRate)})` : undefined, fill: "lines" },
                { label: t("dash.sqls"), value: k.sqls, note: k.mqlToSqlRate !== null ? `(${pct(k.mqlToSqlRate)})` : undefined, fill: "dots" },
              ]}
            />
          </div>
        </Card>
        <Card title={t("dash.rejections")}>
          {reasons.length === 0 ? (
            <p className="muted">{t("dash.noRejections")}</p>
          ) : (
            <HBarChart title={t("dash.rejections")} data={reasons.map(([code, n]) => ({ label: reasonLabel(code), value: n, fill: "lines" }))} rowHeight={30} />
          )}
        </Card>
      </div>
    </>
  );
}

function RateCard({
  title,
  rate,
  reference,
  refText,
  detail,
}: {
  title: string;
  rate: number | null;
  reference: readonly [number, number];
  refText: string;
  detail: string;
}) {
  const { t, lang } = useI18n();
  const where = compareToReference(rate, reference);
  const marks = { na: "", below: "▼", inRange: "✓", above: "▲" } as const;
  return (
    <div className={`kpi card ref-${where}`}>
      <h2>{title}</h2>
      <p className="kpi-value">
        {formatPercent(rate, lang, t("dash.na"))} <span className="muted small">({detail})</span>
      </p>
      <p className="small">
        <span aria-hidden="true">{marks[where]} </span>
        {where === "na" ? refText : `${t(`dash.${where}` as MessageKey)} · ${refText}`}
      </p>
    </div>
  );
}
