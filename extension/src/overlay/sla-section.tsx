import { formatDateTime, formatDuration } from "../i18n/format";
import { t, type Lang } from "../i18n/index";
import { Section } from "./section";
import type { LeadSla } from "./types";

/** Time left before the MQL must be contacted (24–48 h handover SLA), or how late it is. */
export function SlaSection({ sla, lang, now }: { sla: LeadSla; lang: Lang; now: Date }) {
  const remaining = new Date(sla.dueAt).getTime() - now.getTime();
  const overdue = sla.overdue || remaining < 0;
  const duration = formatDuration(remaining, lang);
  return (
    <Section title={t("sla.title", lang)} className={overdue ? "sl-sla sl-sla--overdue" : "sl-sla"}>
      <p className="sl-sla__left" role={overdue ? "alert" : undefined}>
        {overdue ? t("sla.overdue", lang, { duration }) : t("sla.left", lang, { duration })}
      </p>
      <p className="sl-muted">
        <time dateTime={sla.dueAt}>{t("sla.due", lang, { date: formatDateTime(sla.dueAt, lang) })}</time>
      </p>
    </Section>
  );
}
