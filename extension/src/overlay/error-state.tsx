import { t, type Lang, type MessageKey } from "../i18n/index";

export type ErrorKind = "bad-api-key" | "unreachable" | "unknown";

export interface ErrorStateProps {
  lang: Lang;
  kind: ErrorKind;
  onOpenOptions?: () => void;
  onRetry?: () => void;
}

const MESSAGES: Record<ErrorKind, { title: MessageKey; hint?: MessageKey }> = {
  "bad-api-key": { title: "error.badKey", hint: "error.badKeyHint" },
  unreachable: { title: "error.unreachable", hint: "error.unreachableHint" },
  unknown: { title: "error.unknown" },
};

/** Why no lead can be shown, and the one thing the user can do about it. */
export function ErrorState({ lang, kind, onOpenOptions, onRetry }: ErrorStateProps) {
  const { title, hint } = MESSAGES[kind];
  return (
    <div className={`sl-error sl-error--${kind}`} role="alert">
      <p className="sl-error__title">{t(title, lang)}</p>
      {hint && <p className="sl-muted">{t(hint, lang)}</p>}
      <div className="sl-row">
        {onOpenOptions && (kind === "bad-api-key" || kind === "unreachable") && (
          <button type="button" className="sl-button sl-button--primary" onClick={onOpenOptions}>
            {t("error.openOptions", lang)}
          </button>
        )}
        {onRetry && kind !== "bad-api-key" && (
          <button type="button" className="sl-button" onClick={onRetry}>
            {t("error.retry", lang)}
          </button>
        )}
      </div>
    </div>
  );
}
