import { defineContentScript } from "wxt/utils/define-content-script";
import { runOverlay } from "../src/content/run-overlay";
import { pipedriveOrganizationPage, pipedrivePersonPage } from "../src/extractors/pipedrive";
import { SITE_MATCHES } from "../src/sites";

/** Pipedrive organisations and persons (every company's `*.pipedrive.com`). */
export default defineContentScript({
  matches: [...SITE_MATCHES.pipedrive],
  runAt: "document_start",
  main: (ctx) => runOverlay(ctx, [pipedriveOrganizationPage, pipedrivePersonPage]),
});
