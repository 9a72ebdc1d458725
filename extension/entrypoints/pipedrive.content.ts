import { defineContentScript } from "wxt/utils/define-content-script";
import { runOverlay } from "../src/content/mount-overlay";

/** Pipedrive organisations and persons (every company's `*.pipedrive.com`). */
export default defineContentScript({
  matches: ["https://*.pipedrive.com/*"],
  main: runOverlay,
});
