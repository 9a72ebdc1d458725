import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { t, type Lang } from "../i18n/index";
import type { RejectionReasonOption } from "./types";

export interface RejectFormProps {
  lang: Lang;
  /** The workspace's reasons (`lead.rejectionReasons`): their labels are shown as the workspace wrote them. */
  reasons: readonly RejectionReasonOption[];
  pending: boolean;
  onConfirm: (reasonCode: string, text: string) => void;
  onCancel: () => void;
}

/** A reason is mandatory (rejection reasons are a KPI); free text is too when the workspace says so ("Autre"). */
export function RejectForm({ lang, reasons, pending, onConfirm, onCancel }: RejectFormProps) {
  const [code, setCode] = useState("");
  const [text, setText] = useState("");
  const titleId = useId();
  const selectId = useId();
  const textId = useId();
  const selectRef = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    selectRef.current?.focus();
  }, []);

  const reason = reasons.find((r) => r.code === code);
  const detailsRequired = reason?.requiresNote ?? false;
  const canSubmit = reason !== undefined && (!detailsRequired || text.trim() !== "") && !pending;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (canSubmit) onConfirm(reason.code, text.trim());
  };

  return (
    <form className="sl-reject" aria-labelledby={titleId} onSubmit={submit}>
      <p id={titleId} className="sl-reject__title">
        {t("reject.title", lang)}
      </p>
      <label className="sl-label" htmlFor={selectId}>
        {t("reject.reason", lang)}
      </label>
      <select id={selectId} ref={selectRef} className="sl-input" value={code} required onChange={(e) => setCode(e.target.value)}>
        <option value="" disabled>
          {t("reject.choose", lang)}
        </option>
        {reasons.map((r) => (
          <option key={r.code} value={r.code}>
            {r.label}
          </option>
        ))}
      </select>
      <label className="sl-label" htmlFor={textId}>
        {t(detailsRequired ? "reject.detailsRequired" : "reject.details", lang)}
      </label>
      <textarea id={textId} className="sl-input" rows={3} maxLength={2000} required={detailsRequired} value={text} onChange={(e) => setText(e.target.value)} />
      <div className="sl-row">
        <button type="submit" className="sl-button sl-button--danger" disabled={!canSubmit}>
          {t("reject.confirm", lang)}
        </button>
        <button type="button" className="sl-button sl-button--ghost" onClick={onCancel}>
          {t("reject.cancel", lang)}
        </button>
      </div>
    </form>
  );
}
