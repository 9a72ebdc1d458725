import { useContext, useEffect, useState, type ReactNode } from "react";
import { errorText, isSignedOut } from "../api";
import { useI18n } from "../i18n";
import { SessionContext } from "../session";

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Sillage`;
  }, [title]);
  return (
    <header className="page-header">
      <h1 tabIndex={-1} id="page-title">
        {title}
      </h1>
      {children ? <div className="page-actions">{children}</div> : null}
    </header>
  );
}

export function Card({ title, children, className = "", actions }: { title?: ReactNode; children: ReactNode; className?: string; actions?: ReactNode }) {
  return (
    <section className={`card ${className}`}>
      {title || actions ? (
        <div className="card-head">
          {title ? <h2>{title}</h2> : <span />}
          {actions}
        </div>
      ) : null}
      {children}
    </section>
  );
}

/** A labelled form control: `className` adds the layout variant (grow, narrow…) to `field`. */
export function Field({ id, label, className, children }: { id: string; label: string; className?: string; children: ReactNode }) {
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

/** An API failure, said plainly; a 401 sends the user back to sign-in. */
export function ErrorNote({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const session = useContext(SessionContext);
  useEffect(() => {
    if (isSignedOut(error)) session?.expire();
  }, [error, session]);
  return (
    <div className="note note-error" role="alert">
      <span>{errorText(error, t("app.unreachable"))}</span>
      {onRetry ? (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {t("common.retry")}
        </button>
      ) : null}
    </div>
  );
}

/** A message of a failed action, read out by screen readers; nothing when there is none. */
export function FormError({ message }: { message: string | null }) {
  return message ? (
    <p className="note note-error" role="alert">
      {message}
    </p>
  ) : null;
}

/** What an action did, read out by screen readers; nothing when there is nothing to say. */
export function StatusNote({ children }: { children: ReactNode }) {
  return children ? (
    <p className="note note-info" role="status">
      {children}
    </p>
  ) : null;
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="muted" role="status">
      {t("app.loading")}
    </p>
  );
}

/** Copies `text`; says so for two seconds (to screen readers too). */
export function CopyButton({ text, label }: { text: string; label?: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(text);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  return (
    <button type="button" className="btn btn-small" onClick={copy} aria-live="polite">
      {copied ? `✓ ${t("common.copied")}` : (label ?? t("common.copy"))}
    </button>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  const key = `status.${status}` as Parameters<typeof t>[0];
  return <span className={`badge badge-${status}`}>{t(key)}</span>;
}

/**
 * A score as a number and a bar up to the threshold (the number carries the meaning, not the colour). The width is
 * set through the CSSOM by React, which the CSP allows (it forbids style attributes in markup).
 */
export function ScoreBar({ value, threshold }: { value: number; threshold: number | null }) {
  const max = Math.max(threshold ?? 100, value, 1);
  const pct = Math.max(0, Math.min(100, (value / max) * 100));
  return (
    <span className="score">
      <span className="score-value">{Math.round(value)}</span>
      <span className="score-track" aria-hidden="true">
        <span className="score-fill" style={{ width: `${pct}%` }} />
      </span>
    </span>
  );
}
