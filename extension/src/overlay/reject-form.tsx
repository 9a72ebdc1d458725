import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { t, type Lang } from "../i18n/index";
import { REJECT_REASONS, type RejectReasonCode } from "./types";

export interface RejectFormProps {
  lang: Lang;
  pending: boolean;
  onConfirm: (reasonCode: RejectReasonCode, text: string) => void;
  onCancel: () => void;
}

function isReason(value: string): value is RejectReasonCode {
  return (REJECT_REASONS as readonly string[]).includes(value);
}

/** A reason is mandatory (rejection reasons are a KPI); free text is too when the reason is "other". */
export function RejectForm({ lang, pending, onConfirm, onCancel }: RejectFormProps) {
  const [reason, setReason] = useState<RejectReasonCode | "">("");
  const [text, setText] = useState("");
  const titleId = useId();
  const selectId = useId();
  const textId = useId();
  const selectRef = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    selectRef.current?.focus();
  }, []);

  const detailsRequired = reason === "other";
  const canSubmit = reason !== "" && (!detailsRequired || text.trim() !== "") && !pending;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (canSubmit) onConfirm(reason, text.trim());
  };

  return (
    <form className="sl-reject" aria-labelledby={titleId} onSubmit={submit}>
      <p id={titleId} className="sl-reject__title">{t("reject.title", lang)}</p>
      <label className="sl-label" htmlFor={selectId}>{t("reject.reason", lang)}</label>
      <select
        id={selectId}
        ref={selectRef}
        className="sl-input"
        value={reason}
        required
        onChange={(e) => setReason(isReason(e.target.value) ? e.target.value : "")}
      >
        <option value="" disabled>{t("reject.choose", lang)}</option>
        {REJECT_REASONS.map((code) => (
          <option key={code} value={code}>{t(`reason.${code}`, lang)}</option>
        ))}
      </select>
      <label className="sl-label" htmlFor={textId}>
        {t(detailsRequired ? "reject.detailsRequired" : "reject.details", lang)}
      </label>
      <textarea
        id={textId}
        className="sl-input"
        rows={3}
        maxLength={1000}
        required={detailsRequired}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
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
