import type { Lang } from "../i18n/index";
import { ContactsSection } from "./contacts-section";
import { CorrectionSection } from "./correction-form";
import { DockedPanel } from "./docked-panel";
import { IdentitySection } from "./identity-section";
import { LeadActionsSection } from "./lead-actions";
import { NotesSection } from "./notes-section";
import { ScoreExplanation } from "./score-explanation";
import { ScoreGauge } from "./score-gauge";
import { SlaSection } from "./sla-section";
import { StatusBadge } from "./status-badge";
import { TimelineSection } from "./timeline-section";
import type { Lead, LeadActions } from "./types";
import { useNow } from "./use-now";

export interface OverlayProps extends LeadActions {
  lead: Lead;
  lang: Lang;
  /** Fixes the clock (tests); otherwise relative dates refresh every 30 s. */
  now?: Date;
  defaultExpanded?: boolean;
  onExpandedChange?: (expanded: boolean) => void;
  /** Replaces collapsing (see DockedPanel). */
  onCollapse?: () => void;
}

/** The lead panel: who the company is, how hot it is, what it read, and the decision to take. */
export function Overlay({ lead, lang, now: fixedNow, defaultExpanded, onExpandedChange, onCollapse, ...actions }: OverlayProps) {
  const now = useNow(fixedNow);
  const { company, score } = lead;
  return (
    <DockedPanel
      lang={lang}
      defaultExpanded={defaultExpanded}
      onExpandedChange={onExpandedChange}
      onCollapse={onCollapse}
      summary={
        <>
          <span className="sl-tab__name">{company.name}</span>
          <span className="sl-tab__score">{score.value}</span>
        </>
      }
    >
      <header className="sl-header">
        <div className="sl-header__title">
          <h2 className="sl-company">{company.name}</h2>
          <StatusBadge status={lead.status} lang={lang} />
        </div>
        <ScoreGauge value={score.value} threshold={score.threshold} lang={lang} />
      </header>
      {lead.sla && <SlaSection sla={lead.sla} lang={lang} now={now} />}
      <LeadActionsSection
        status={lead.status}
        reasons={lead.rejectionReasons}
        lang={lang}
        onAccept={actions.onAccept}
        onReject={actions.onReject}
        onNurture={actions.onNurture}
      />
      <IdentitySection company={company} lang={lang} />
      {actions.onCorrect && <CorrectionSection key={lead.id} lang={lang} onCorrect={actions.onCorrect} />}
      <ScoreExplanation lines={score.explanation} lang={lang} now={now} />
      <TimelineSection visits={lead.timeline} lang={lang} now={now} />
      <ContactsSection contacts={lead.contacts} lang={lang} />
      <NotesSection notes={lead.notes} lang={lang} now={now} onAddNote={actions.onAddNote} />
    </DockedPanel>
  );
}
