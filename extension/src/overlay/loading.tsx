import { t, type Lang } from "../i18n/index";

export function Loading({ lang }: { lang: Lang }) {
  return (
    <div className="sl-loading" role="status" aria-live="polite">
      <span className="sl-spinner" aria-hidden="true" />
      <span>{t("loading", lang)}</span>
    </div>
  );
}
