import { defineContentScript } from "wxt/utils/define-content-script";
import { runOverlay } from "../src/content/run-overlay";
import { salesforceAccountPage, salesforceContactPage, salesforceLeadPage } from "../src/extractors/salesforce";
import { SITE_MATCHES } from "../src/sites";

/** Salesforce Lightning Account, Contact and Lead records (every org's `*.lightning.force.com`). */
export default defineContentScript({
  matches: [...SITE_MATCHES.salesforce],
  runAt: "document_start",
  main: (ctx) => runOverlay(ctx, [salesforceAccountPage, salesforceLeadPage, salesforceContactPage]),
});
