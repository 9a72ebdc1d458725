import { useEffect, useRef, useState } from "react";
import { t, type Lang } from "../i18n/index";
import { availableDecisions } from "./lead-decisions";
import { RejectForm } from "./reject-form";
import { Section } from "./section";
import type { LeadActions, LeadStatus, RejectionReasonOption } from "./types";
import { useAction } from "./use-action";

export type LeadActionsProps = Pick<LeadActions, "onAccept" | "onReject" | "onNurture"> & {
  status: LeadStatus;
  /** The workspace's rejection reasons, for the reject form. */
  reasons: readonly RejectionReasonOption[];
  lang: Lang;
};

/** Accept as SQL, reject with a reason, or send back to nurturing — whichever the status allows. */
export function LeadActionsSection({ status, reasons, lang, onAccept, onReject, onNurture }: LeadActionsProps) {
  const decisions = availableDecisions(status);
  const [rejecting, setRejecting] = useState(false);
  const { run, pending, failed } = useAction();
  const rejectButton = useRef<HTMLButtonElement>(null);
  const closedForm = useRef(false);

  // After the form closes, give focus back to the button that opened it.
  useEffect(() => {
    if (!rejecting && closedForm.current) rejectButton.current?.focus();
  }, [rejecting]);

  const closeForm = () => {
    closedForm.current = true;
    setRejecting(false);
  };

  return (
    <Section title={t("actions.title", lang)} className="sl-actions">
      {decisions.length === 0 ? (
        <p className="sl-empty">{t("actions.none", lang)}</p>
      ) : rejecting ? (
        <RejectForm
          lang={lang}
          reasons={reasons}
          pending={pending}
          onConfirm={(code, text) => run(() => onReject(code, text), closeForm)}
          onCancel={closeForm}
        />
      ) : (
        <div className="sl-row">
          {decisions.includes("accept") && (
            <button type="button" className="sl-button sl-button--primary" disabled={pending} onClick={() => run(onAccept)}>
              {t("actions.accept", lang)}
            </button>
          )}
          {decisions.includes("reject") && (
            <button ref={rejectButton} type="button" className="sl-button sl-button--danger-outline" disabled={pending} onClick={() => setRejecting(true)}>
              {t("actions.reject", lang)}
            </button>
          )}
          {decisions.includes("nurture") && (
            <button type="button" className="sl-button" disabled={pending} onClick={() => run(onNurture)}>
              {t("actions.nurture", lang)}
            </button>
          )}
        </div>
      )}
      <div aria-live="polite" className="sl-feedback">
        {pending && <p className="sl-muted">{t("actions.pending", lang)}</p>}
      </div>
      {failed && (
        <p role="alert" className="sl-error-text">
          {t("actions.failed", lang)}
        </p>
      )}
    </Section>
  );
}
