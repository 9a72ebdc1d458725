import { defineContentScript } from "wxt/utils/define-content-script";
import { runOverlay } from "../src/content/run-overlay";
import { SITE_MATCHES } from "../src/sites";

/** LinkedIn company pages, profiles and Sales Navigator (one single-page app: every path, followed in-page). */
export default defineContentScript({
  matches: [...SITE_MATCHES.linkedin],
  main: runOverlay,
});
