/** Presentational overlay components. The content script mounts them in a shadow root with
 * `overlayCss`; every view goes inside `DockedPanel` (the `Overlay` includes its own). */
export { DockedPanel, type DockedPanelProps } from "./docked-panel";
export { ErrorState, type ErrorKind, type ErrorStateProps } from "./error-state";
export { availableDecisions, type Decision } from "./lead-decisions";
export { Loading } from "./loading";
export { NoMatch, type NoMatchProps } from "./no-match";
export { Overlay, type OverlayProps } from "./overlay";
export { overlayCss } from "./overlay.css";
export * from "./types";
