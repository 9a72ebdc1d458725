import type { Lang } from "../i18n/index";
import { t } from "../i18n/index";
import { ErrorState } from "../overlay/index";
import type { Failure } from "../messages";
import { ct } from "./texts";

export interface FailureViewProps {
  lang: Lang;
  failure: Failure;
  onOpenOptions: () => void;
  onRetry: () => void;
}

/**
 * Why no lead can be shown, with the one useful next step: the options page for a refused key, a missing
 * set-up or a missing permission; retry for a network or server problem (with the API's request id, which
 * support needs).
 */
export function FailureView({ lang, failure, onOpenOptions, onRetry }: FailureViewProps) {
  switch (failure.kind) {
    case "bad-api-key":
      return <ErrorState lang={lang} kind="bad-api-key" onOpenOptions={onOpenOptions} />;
    case "unreachable":
      return <ErrorState lang={lang} kind="unreachable" onOpenOptions={onOpenOptions} onRetry={onRetry} />;
    case "not-configured":
    case "no-permission":
      return (
        <div className="sl-error sl-error--setup" role="alert">
          <p className="sl-error__title">{ct("setup.title", lang)}</p>
          <p className="sl-muted">
            {failure.kind === "not-configured" ? ct("setup.notConfigured", lang) : ct("setup.noPermission", lang, { origin: failure.origin })}
          </p>
          <div className="sl-row">
            <button type="button" className="sl-button sl-button--primary" onClick={onOpenOptions}>
              {t("error.openOptions", lang)}
            </button>
          </div>
        </div>
      );
    case "extension":
      return (
        <div className="sl-error" role="alert">
          <p className="sl-error__title">{ct("error.extensionReloaded", lang)}</p>
        </div>
      );
    case "api":
    case "invalid-request":
      return (
        <>
          <ErrorState lang={lang} kind="unknown" onRetry={onRetry} />
          <p className="sl-muted sl-error-detail">
            {failure.kind === "api"
              ? ct("error.detail", lang, { message: failure.message, code: failure.code, requestId: failure.requestId || "—" })
              : failure.message}
          </p>
        </>
      );
  }
}
