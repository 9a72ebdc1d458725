import { defineContentScript } from "wxt/utils/define-content-script";
import { runOverlay } from "../src/content/mount-overlay";

/** LinkedIn company pages, profiles and Sales Navigator (one single-page app: every path, followed in-page). */
export default defineContentScript({
  matches: ["https://www.linkedin.com/*"],
  main: runOverlay,
});
