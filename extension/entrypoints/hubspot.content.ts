import { defineContentScript } from "wxt/utils/define-content-script";
import { runOverlay } from "../src/content/mount-overlay";

/** HubSpot company and contact records (US and EU data centres). */
export default defineContentScript({
  matches: ["https://app.hubspot.com/*", "https://app-eu1.hubspot.com/*"],
  main: runOverlay,
});
