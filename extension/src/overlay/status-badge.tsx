import { t, type Lang } from "../i18n/index";
import type { LeadStatus } from "./types";

export function StatusBadge({ status, lang }: { status: LeadStatus; lang: Lang }) {
  const label = t(`status.${status}`, lang);
  return (
    <span className={`sl-badge sl-badge--${status}`} title={t("status.label", lang, { status: label })}>
      {label}
    </span>
  );
}
