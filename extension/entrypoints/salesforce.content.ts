import { defineContentScript } from "wxt/utils/define-content-script";
import { runOverlay } from "../src/content/mount-overlay";

/** Salesforce Lightning Account, Contact and Lead records (every org's `*.lightning.force.com`). */
export default defineContentScript({
  matches: ["https://*.lightning.force.com/*"],
  main: runOverlay,
});
