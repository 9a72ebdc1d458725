import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { t, type Lang } from "../i18n/index";

export interface DockedPanelProps {
  lang: Lang;
  /** Shown on the collapsed tab next to the brand (e.g. the company name). */
  summary?: ReactNode;
  defaultExpanded?: boolean;
  onExpandedChange?: (expanded: boolean) => void;
  /** Given, the collapse button and Escape call it instead of collapsing to the tab: the panel page hands
   * closing to the content script, which hides the frame and shows its own launcher. */
  onCollapse?: () => void;
  children: ReactNode;
}

/**
 * The frame every Sillage view lives in: fixed to the page's right edge (no layout shift on the host
 * page), collapsible to a small tab, Escape collapses it and returns focus to the tab.
 */
export function DockedPanel({ lang, summary, defaultExpanded = true, onExpandedChange, onCollapse, children }: DockedPanelProps) {
  const [expanded, setExpanded] = useState(defaultExpanded);
  const bodyId = useId();
  const tabRef = useRef<HTMLButtonElement>(null);
  const collapseRef = useRef<HTMLButtonElement>(null);
  // Move focus only after a user toggle: mounting the panel must not steal focus from the host page.
  const toggledByUser = useRef(false);

  useEffect(() => {
    if (!toggledByUser.current) return;
    (expanded ? collapseRef : tabRef).current?.focus();
  }, [expanded]);

  const setAndNotify = (next: boolean) => {
    if (!next && onCollapse) {
      onCollapse();
      return;
    }
    toggledByUser.current = true;
    setExpanded(next);
    onExpandedChange?.(next);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== "Escape") return;
    // Keep the host page (LinkedIn dialogs, CRM shortcuts) from also reacting to this Escape.
    e.stopPropagation();
    setAndNotify(false);
  };

  return (
    <div className="sl-dock" data-expanded={expanded}>
      <button
        ref={tabRef}
        type="button"
        className="sl-tab"
        hidden={expanded}
        aria-expanded={expanded}
        aria-controls={bodyId}
        title={t("panel.expand", lang)}
        onClick={() => setAndNotify(true)}
      >
        {/* Spoken name = action + the visible summary, so voice users can say what they see. */}
        <span className="sl-sr">{t("panel.expand", lang)}</span>
        <span className="sl-tab__brand" aria-hidden="true">
          S
        </span>
        {summary !== undefined && <span className="sl-tab__summary">{summary}</span>}
      </button>
      <section id={bodyId} className="sl-panel" hidden={!expanded} aria-label={t("panel.region", lang)} onKeyDown={onKeyDown}>
        <div className="sl-panel__bar">
          <span className="sl-brand">{t("panel.title", lang)}</span>
          <button
            ref={collapseRef}
            type="button"
            className="sl-icon-button"
            aria-expanded={expanded}
            aria-controls={bodyId}
            aria-label={t("panel.collapse", lang)}
            onClick={() => setAndNotify(false)}
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
        <div className="sl-panel__body">{children}</div>
      </section>
    </div>
  );
}
