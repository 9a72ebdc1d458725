import { useId, useState, type FormEvent } from "react";
import { t, type Lang } from "../i18n/index";
import { isValidSiren } from "@sillage/shared/firmographics/siren";
import { OPERATOR_KINDS, type IdentityCorrection, type OperatorKind } from "../messages";
import { Section } from "./section";

export interface CorrectionFormProps {
  lang: Lang;
  /** Sends the correction; resolves to the line to show (how many visits moved), rejects with the reason. */
  onCorrect: (correction: IdentityCorrection) => Promise<string>;
}

/** Spaces and dots people type in a SIREN ("552 032 534") are not part of it. */
const sirenOf = (typed: string) => typed.replace(/[\s.\u00a0]/g, "");

/**
 * "Wrong company?": the salesperson knows better than the network look-up. Either the visits came from another
 * company (its SIREN), or from an operator (ISP, mobile, hosting, VPN) that names no company at all.
 */
export function CorrectionSection({ lang, onCorrect }: CorrectionFormProps) {
  const [open, setOpen] = useState(false);
  const [action, setAction] = useState<IdentityCorrection["action"]>("company");
  const [siren, setSiren] = useState("");
  const [kind, setKind] = useState<OperatorKind>("isp");
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const sirenId = useId();
  const kindId = useId();
  const name = useId();

  const cleanSiren = sirenOf(siren);
  const sirenValid = /^\d{9}$/.test(cleanSiren) && isValidSiren(cleanSiren);
  const canSubmit = !pending && (action === "operator" || sirenValid);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!canSubmit) return;
    const correction: IdentityCorrection = action === "company" ? { action, siren: cleanSiren } : { action, kind };
    setPending(true);
    setMessage(null);
    onCorrect(correction).then(
      (text) => {
        setPending(false);
        setOpen(false);
        setMessage({ text, failed: false });
      },
      (err: unknown) => {
        setPending(false);
        setMessage({ text: t("correct.failed", lang, { message: err instanceof Error ? err.message : String(err) }), failed: true });
      },
    );
  };

  const choice = (value: IdentityCorrection["action"], label: string) => (
    <label className="sl-choice">
      <input type="radio" name={name} checked={action === value} onChange={() => setAction(value)} />
      {label}
    </label>
  );

  return (
    <Section title={t("correct.title", lang)} className="sl-correct">
      {!open ? (
        <button type="button" className="sl-button sl-button--ghost" onClick={() => setOpen(true)}>
          {t("correct.open", lang)}
        </button>
      ) : (
        <form className="sl-correct__form" onSubmit={submit}>
          {choice("company", t("correct.company", lang))}
          {action === "company" && (
            <>
              <label className="sl-label" htmlFor={sirenId}>
                {t("correct.siren", lang)}
              </label>
              <input
                id={sirenId}
                className="sl-input"
                inputMode="numeric"
                autoComplete="off"
                maxLength={14}
                value={siren}
                aria-invalid={siren !== "" && !sirenValid}
                onChange={(e) => setSiren(e.target.value)}
              />
              {siren !== "" && !sirenValid && <p className="sl-muted">{t("correct.badSiren", lang)}</p>}
            </>
          )}
          {choice("operator", t("correct.operator", lang))}
          {action === "operator" && (
            <>
              <label className="sl-label" htmlFor={kindId}>
                {t("correct.kind", lang)}
              </label>
              <select id={kindId} className="sl-input" value={kind} onChange={(e) => setKind(e.target.value as OperatorKind)}>
                {OPERATOR_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`correct.kind.${k}`, lang)}
                  </option>
                ))}
              </select>
            </>
          )}
          <div className="sl-row">
            <button type="submit" className="sl-button sl-button--primary" disabled={!canSubmit}>
              {t("correct.confirm", lang)}
            </button>
            <button type="button" className="sl-button sl-button--ghost" onClick={() => setOpen(false)}>
              {t("correct.cancel", lang)}
            </button>
          </div>
        </form>
      )}
      {message && (
        <p role={message.failed ? "alert" : "status"} className={message.failed ? "sl-error-text" : "sl-muted"}>
          {message.text}
        </p>
      )}
    </Section>
  );
}
