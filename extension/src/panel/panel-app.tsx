/**
 * The lead panel (an extension page framed in the overlaid page, so the page can neither read it nor click
 * it): the lead of the page (or the way to link one, or why it cannot), kept in step with the background's
 * answers. All remote data goes through React (no innerHTML).
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { LeadDetail } from "@sillage/shared/api/leads";
import { t, type Lang } from "../i18n/index";
import { DockedPanel, Loading, NoMatch, Overlay, type LeadSearchResult } from "../overlay/index";
import { sendRequest, type Failure, type IdentityCorrection, type LookupOutcome, type PageContext, type Result } from "../messages";
import { FailureView } from "./failure-view";
import { toOverlayLead, toSearchResult } from "./overlay-lead";
import { ct } from "./texts";

/** Subscribes to the look-ups the background refreshed; returns the unsubscribe function. */
export type RefreshSubscription = (fn: (outcome: LookupOutcome) => void) => () => void;

export interface PanelAppProps {
  page: PageContext | null;
  /** The page's look-up answer, when the background pushed it with the page (a cached answer): shown at once,
   * without asking. */
  known?: LookupOutcome;
  lang: Lang;
  onRefreshed: RefreshSubscription;
  /** The salesperson closed the panel (× or Escape). */
  onClose?: () => void;
}

type View = { kind: "loading" } | { kind: "lead"; lead: LeadDetail } | { kind: "no-match" } | { kind: "failure"; failure: Failure };

/** Failures that no retry of the same action can fix: the whole panel switches to explaining them. */
const BLOCKING: ReadonlySet<Failure["kind"]> = new Set(["bad-api-key", "not-configured", "no-permission", "extension"]);

function failureText(failure: Failure): string {
  return "message" in failure ? failure.message : failure.kind;
}

const viewOf = (outcome: LookupOutcome): View => (outcome.lead ? { kind: "lead", lead: outcome.lead } : { kind: "no-match" });

export function PanelApp({ page, known, lang, onRefreshed, onClose }: PanelAppProps) {
  const pushed = page && known?.planKey === page.key ? known : undefined;
  // The first render already shows a pushed answer: no "loading" frame before it.
  const [view, setView] = useState<View>(() => (pushed ? viewOf(pushed) : { kind: "loading" }));
  const [results, setResults] = useState<LeadSearchResult[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  /** The page whose outcome is on screen. */
  const planKeyRef = useRef<string | null>(pushed?.planKey ?? null);
  /** The page the panel is about now: only its refreshes are shown (the previous page's may still come). */
  const pageKeyRef = useRef<string | null>(page?.key ?? null);
  useLayoutEffect(() => {
    pageKeyRef.current = page?.key ?? null;
  }, [page?.key]);
  /** A refresh for this page came since the panel asked: the stale answer to its request is older than what it shows. */
  const refreshedRef = useRef<string | null>(null);

  const showOutcome = useCallback((outcome: LookupOutcome) => {
    planKeyRef.current = outcome.planKey;
    setView(viewOf(outcome));
  }, []);

  useEffect(() => {
    setResults(null);
    setNotice(null);
    if (!page) {
      setView({ kind: "loading" });
      return;
    }
    // Pushed with the page: nothing to ask (a retry asks again).
    if (pushed && attempt === 0) {
      showOutcome(pushed);
      return;
    }
    let cancelled = false;
    refreshedRef.current = null;
    setView((v) => (v.kind === "lead" && planKeyRef.current === page.key ? v : { kind: "loading" }));
    sendRequest("lookup", { plan: page.plan }).then((result) => {
      if (cancelled) return;
      // The answer (a message's reply) and a refresh (on the port) travel apart: a stale answer may come last.
      if (result.ok && result.value.stale && refreshedRef.current === result.value.planKey) return;
      if (result.ok) showOutcome(result.value);
      else setView({ kind: "failure", failure: result.error });
    });
    return () => {
      cancelled = true;
    };
    // Keyed on page.key, not page: a re-render for the same company must not look it up again.
  }, [page?.key, pushed, attempt, showOutcome]);

  // A stale answer was shown (or is on its way); the background pushes the fresh one when it differs. Pushes go
  // to the tab's panel whatever page it now shows: only the current page's are taken.
  useEffect(
    () =>
      onRefreshed((outcome) => {
        if (outcome.planKey !== pageKeyRef.current) return;
        refreshedRef.current = outcome.planKey;
        showOutcome(outcome);
      }),
    [onRefreshed, showOutcome],
  );

  // For the benchmark (test/bench/overlay.bench.ts): when each lead was first on screen, in this frame's clock
  // (the frame after it rendered). In the extension's own frame: the page cannot see it.
  const shownLeadId = view.kind === "lead" ? view.lead.id : null;
  useLayoutEffect(() => {
    if (shownLeadId) requestAnimationFrame(() => performance.mark("sillage:lead-shown", { detail: shownLeadId }));
  }, [shownLeadId]);

  /** Sends an action; the panel shows the lead as the API now has it, or the action's form says it failed. */
  const act = useCallback(async (send: () => Promise<Result<LeadDetail>>) => {
    const result = await send();
    if (result.ok) {
      setView({ kind: "lead", lead: result.value });
      return;
    }
    if (BLOCKING.has(result.error.kind)) setView({ kind: "failure", failure: result.error });
    throw new Error(failureText(result.error));
  }, []);

  /** "Wrong company?": the background corrects, then the panel shows where the visits went. */
  const correct = useCallback(
    async (leadId: string, correction: IdentityCorrection): Promise<string> => {
      const result = await sendRequest("correct-identity", { leadId, correction });
      if (!result.ok) {
        if (BLOCKING.has(result.error.kind)) setView({ kind: "failure", failure: result.error });
        throw new Error(failureText(result.error));
      }
      const { lead, reattributedHits } = result.value;
      setView(lead ? { kind: "lead", lead } : { kind: "no-match" });
      const done = t("correct.done", lang, { count: reattributedHits });
      setNotice(lead ? null : done);
      return done;
    },
    [lang],
  );

  const openOptions = () => void sendRequest("open-options", {});
  const retry = () => setAttempt((n) => n + 1);

  if (view.kind === "lead") {
    const detail = view.lead;
    const lead = toOverlayLead(detail, lang);
    return (
      <Overlay
        key={detail.id}
        lead={lead}
        lang={lang}
        onCollapse={onClose}
        onAccept={() => act(() => sendRequest("transition", { leadId: detail.id, action: "accept" }))}
        onNurture={() => act(() => sendRequest("transition", { leadId: detail.id, action: "nurture" }))}
        onReject={(reasonCode: string, note: string) =>
          act(() => sendRequest("transition", { leadId: detail.id, action: "reject", reasonCode, ...(note ? { note } : {}) }))
        }
        onAddNote={(body: string) => act(() => sendRequest("add-note", { leadId: detail.id, body }))}
        onCorrect={(correction) => correct(detail.id, correction)}
      />
    );
  }

  return (
    <DockedPanel lang={lang} onCollapse={onClose}>
      {view.kind === "loading" && <Loading lang={lang} />}
      {view.kind === "failure" && <FailureView lang={lang} failure={view.failure} onOpenOptions={openOptions} onRetry={retry} />}
      {view.kind === "no-match" && page && (
        <>
          <NoMatch
            key={page.key}
            lang={lang}
            initialQuery={page.hint}
            results={results}
            searching={searching}
            onLinkSearch={async (q) => {
              setSearching(true);
              setNotice(null);
              const found = await sendRequest("list-leads", { q, limit: 10 });
              setSearching(false);
              if (found.ok) setResults(found.value.map(toSearchResult));
              else if (BLOCKING.has(found.error.kind)) setView({ kind: "failure", failure: found.error });
              else setNotice(ct("search.failed", lang, { message: failureText(found.error) }));
            }}
            onLink={async (leadId) => {
              setNotice(null);
              if (!page.link) {
                setNotice(ct("link.failed", lang, { message: ct("link.nothingToLink", lang) }));
                return;
              }
              const linked = await sendRequest("link", { leadId, target: page.link });
              if (linked.ok) setView({ kind: "lead", lead: linked.value });
              else if (BLOCKING.has(linked.error.kind)) setView({ kind: "failure", failure: linked.error });
              else setNotice(ct("link.failed", lang, { message: failureText(linked.error) }));
            }}
          />
          {notice && (
            <p role="alert" className="sl-error-text">
              {notice}
            </p>
          )}
        </>
      )}
    </DockedPanel>
  );
}
