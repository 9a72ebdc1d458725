import { defineContentScript } from "wxt/utils/define-content-script";
import { runOverlay } from "../src/content/run-overlay";
import { hubSpotCompanyPage, hubSpotContactPage } from "../src/extractors/hubspot";
import { SITE_MATCHES } from "../src/sites";

/** HubSpot company and contact records (US and EU data centres). */
export default defineContentScript({
  matches: [...SITE_MATCHES.hubspot],
  runAt: "document_start",
  main: (ctx) => runOverlay(ctx, [hubSpotCompanyPage, hubSpotContactPage]),
});
