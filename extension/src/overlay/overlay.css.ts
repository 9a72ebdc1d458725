/**
 * Styles for the overlay, as text to put in the shadow root (WXT `createShadowRootUi({ css })`).
 * Sizes are in px, not rem: rem follows the host page's root font size, which LinkedIn and CRMs set
 * differently. Nothing here relies on the host page's CSS; `:host` resets what inherits through.
 */
export const overlayCss = /* css */ `
:host {
  all: initial;
}
.sl-dock, .sl-dock *, .sl-dock *::before, .sl-dock *::after {
  box-sizing: border-box;
}
.sl-dock {
  --sl-ink: #1b2430;
  --sl-muted: #5b6675;
  --sl-line: #e3e7ed;
  --sl-surface: #ffffff;
  --sl-subtle: #f5f7fa;
  --sl-accent: #0f5c8c;
  --sl-accent-ink: #ffffff;
  --sl-danger: #b42318;
  --sl-success: #1f7a45;
  --sl-warning: #b54708;
  --sl-focus: #2f6fed;
  position: fixed;
  top: 88px;
  right: 0;
  z-index: 2147483000;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 13px;
  line-height: 1.4;
  color: var(--sl-ink);
  text-align: left;
  -webkit-font-smoothing: antialiased;
}
.sl-dock [hidden] { display: none !important; }
/* Element resets carry no specificity (:where), so component classes below always win. */
:where(.sl-dock) :where(button, input, select, textarea) {
  font: inherit;
  color: inherit;
  margin: 0;
}
.sl-dock :focus-visible {
  outline: 2px solid var(--sl-focus);
  outline-offset: 2px;
}
:where(.sl-dock) a { color: var(--sl-accent); text-decoration: none; }
:where(.sl-dock) a:hover { text-decoration: underline; }
:where(.sl-dock) :where(h2, h3, p, dl, dd, ul, ol) { margin: 0; padding: 0; }
:where(.sl-dock) :where(ul, ol) { list-style: none; }

.sl-sr {
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  clip-path: inset(50%);
  white-space: nowrap;
}

/* Collapsed tab */
.sl-tab {
  position: relative;
  display: flex;
  align-items: center;
  gap: 8px;
  max-width: 220px;
  padding: 8px 10px 8px 8px;
  border: 1px solid var(--sl-line);
  border-right: 0;
  border-radius: 8px 0 0 8px;
  background: var(--sl-surface);
  box-shadow: 0 4px 14px rgba(16, 24, 40, 0.14);
  cursor: pointer;
}
.sl-tab__brand {
  display: inline-grid;
  place-items: center;
  width: 22px;
  height: 22px;
  border-radius: 6px;
  background: var(--sl-accent);
  color: var(--sl-accent-ink);
  font-weight: 700;
}
.sl-tab__summary { display: flex; align-items: center; gap: 6px; min-width: 0; }
.sl-tab__name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-weight: 600; }
.sl-tab__score { font-variant-numeric: tabular-nums; color: var(--sl-muted); }

/* Expanded panel */
.sl-panel {
  display: flex;
  flex-direction: column;
  width: 340px;
  max-height: calc(100vh - 104px);
  border: 1px solid var(--sl-line);
  border-right: 0;
  border-radius: 10px 0 0 10px;
  background: var(--sl-surface);
  box-shadow: 0 8px 28px rgba(16, 24, 40, 0.18);
  overflow: hidden;
}
.sl-panel__bar {
  display: flex;
  align-items: center;
  justify-content: space-between;
  padding: 6px 8px 6px 14px;
  background: var(--sl-accent);
  color: var(--sl-accent-ink);
}
.sl-brand { font-weight: 700; letter-spacing: 0.02em; }
.sl-icon-button {
  width: 28px;
  height: 28px;
  border: 0;
  border-radius: 6px;
  background: transparent;
  color: inherit;
  font-size: 18px;
  line-height: 1;
  cursor: pointer;
}
.sl-icon-button:hover { background: rgba(255, 255, 255, 0.16); }
.sl-panel__body { overflow-y: auto; overscroll-behavior: contain; padding: 12px 14px 16px; }

/* Header */
.sl-header { display: grid; gap: 10px; padding-bottom: 12px; border-bottom: 1px solid var(--sl-line); }
.sl-header__title { display: flex; align-items: center; justify-content: space-between; gap: 8px; }
.sl-company { font-size: 16px; font-weight: 650; overflow-wrap: anywhere; }
.sl-badge {
  flex: none;
  padding: 2px 8px;
  border-radius: 999px;
  font-size: 11px;
  font-weight: 600;
  text-transform: uppercase;
  letter-spacing: 0.03em;
  background: var(--sl-subtle);
  color: var(--sl-muted);
}
.sl-badge--identified { background: #e8f1fb; color: #1d4f91; }
.sl-badge--mql { background: #fff1e0; color: var(--sl-warning); }
.sl-badge--sql { background: #e5f5eb; color: var(--sl-success); }
.sl-badge--rejected { background: #fdecea; color: var(--sl-danger); }
.sl-badge--nurturing { background: #f1ecfb; color: #5b3aa4; }

/* Score gauge */
.sl-gauge { display: grid; gap: 4px; }
.sl-gauge__numbers { display: flex; align-items: baseline; justify-content: space-between; }
.sl-gauge__value { font-size: 22px; font-weight: 700; font-variant-numeric: tabular-nums; }
.sl-gauge__threshold { color: var(--sl-muted); font-size: 12px; }
.sl-gauge__track { position: relative; height: 8px; border-radius: 999px; background: var(--sl-subtle); overflow: visible; }
.sl-gauge__fill { height: 100%; border-radius: 999px; background: #8aa4bf; }
.sl-gauge__track--reached .sl-gauge__fill { background: var(--sl-warning); }
.sl-gauge__mark { position: absolute; top: -3px; width: 2px; height: 14px; margin-left: -1px; background: var(--sl-ink); }

/* Sections */
.sl-section { padding: 12px 0; border-bottom: 1px solid var(--sl-line); }
.sl-section:last-child { border-bottom: 0; }
.sl-section__title {
  margin-bottom: 8px;
  font-size: 11px;
  font-weight: 700;
  text-transform: uppercase;
  letter-spacing: 0.05em;
  color: var(--sl-muted);
}
.sl-muted { color: var(--sl-muted); font-size: 12px; }
.sl-empty { color: var(--sl-muted); font-style: italic; }
.sl-list { display: grid; gap: 8px; }
.sl-row { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }

.sl-facts { display: grid; gap: 4px; }
.sl-facts__row { display: grid; grid-template-columns: 120px 1fr; gap: 8px; }
.sl-facts dt { color: var(--sl-muted); }
.sl-facts dd { overflow-wrap: anywhere; font-variant-numeric: tabular-nums; }

.sl-explanation__line { display: grid; grid-template-columns: 60px 1fr auto; gap: 8px; align-items: baseline; }
.sl-points { font-weight: 700; color: var(--sl-success); font-variant-numeric: tabular-nums; white-space: nowrap; }
.sl-points--negative { color: var(--sl-danger); }

.sl-sla__left { font-size: 15px; font-weight: 650; }
.sl-sla--overdue .sl-sla__left { color: var(--sl-danger); }

.sl-timeline { max-height: 220px; overflow-y: auto; }
.sl-timeline__item { display: grid; gap: 1px; padding-left: 10px; border-left: 2px solid var(--sl-line); }
.sl-timeline__page { overflow-wrap: anywhere; font-weight: 500; }

.sl-contact { display: grid; gap: 2px; }
.sl-contact__name { font-weight: 600; }
.sl-contact__links { display: flex; flex-wrap: wrap; gap: 4px 10px; }

.sl-note { padding: 6px 8px; border-radius: 6px; background: var(--sl-subtle); }
.sl-note__text { white-space: pre-wrap; overflow-wrap: anywhere; }
.sl-note-form { display: grid; gap: 6px; margin-top: 8px; }
.sl-note-form .sl-button { justify-self: end; }

/* Controls */
.sl-label { display: block; margin: 6px 0 2px; font-size: 12px; font-weight: 600; }
.sl-input {
  width: 100%;
  min-height: 30px;
  padding: 5px 8px;
  border: 1px solid #c5ccd6;
  border-radius: 6px;
  background: var(--sl-surface);
}
textarea.sl-input { resize: vertical; }
.sl-row .sl-input { flex: 1; width: auto; }
.sl-button {
  min-height: 30px;
  padding: 5px 12px;
  border: 1px solid #c5ccd6;
  border-radius: 6px;
  background: var(--sl-surface);
  font-weight: 600;
  cursor: pointer;
}
.sl-button:hover:not(:disabled) { background: var(--sl-subtle); }
.sl-button:disabled { opacity: 0.55; cursor: not-allowed; }
.sl-button--primary { border-color: var(--sl-accent); background: var(--sl-accent); color: var(--sl-accent-ink); }
.sl-button--primary:hover:not(:disabled) { background: #0b4a72; }
.sl-button--danger { border-color: var(--sl-danger); background: var(--sl-danger); color: #fff; }
.sl-button--danger:hover:not(:disabled) { background: #8f1c13; }
.sl-button--danger-outline { border-color: var(--sl-danger); color: var(--sl-danger); }
.sl-button--ghost { border-color: transparent; background: transparent; }
.sl-reject { display: grid; gap: 2px; }
.sl-reject__title { font-weight: 650; }
.sl-reject .sl-row { margin-top: 8px; }
.sl-choice { display: flex; align-items: center; gap: 6px; margin: 6px 0 2px; }
.sl-correct__form .sl-row { margin-top: 8px; }
.sl-feedback:empty { display: none; }
.sl-error-text { margin-top: 6px; color: var(--sl-danger); }

/* No match, errors, loading */
.sl-no-match { display: grid; gap: 8px; }
.sl-result { display: flex; align-items: center; gap: 8px; padding: 6px 0; border-bottom: 1px solid var(--sl-line); }
.sl-result__main { display: grid; flex: 1; min-width: 0; }
.sl-result__name { font-weight: 600; overflow-wrap: anywhere; }
.sl-result__score { font-weight: 700; font-variant-numeric: tabular-nums; }
.sl-error { display: grid; gap: 6px; }
.sl-error__title { font-weight: 650; color: var(--sl-danger); }
.sl-loading { display: flex; align-items: center; gap: 8px; color: var(--sl-muted); }
.sl-spinner {
  width: 16px;
  height: 16px;
  border: 2px solid var(--sl-line);
  border-top-color: var(--sl-accent);
  border-radius: 50%;
  animation: sl-spin 0.8s linear infinite;
}
@keyframes sl-spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) {
  .sl-spinner { animation: none; }
}
`;
