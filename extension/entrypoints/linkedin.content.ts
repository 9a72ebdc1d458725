import { defineContentScript } from "wxt/utils/define-content-script";
import { runOverlay } from "../src/content/run-overlay";
import { linkedInCompanyPage } from "../src/extractors/linkedin-company";
import { linkedInProfilePage } from "../src/extractors/linkedin-profile";
import { salesNavigatorAccountPage, salesNavigatorLeadPage } from "../src/extractors/sales-navigator";
import { SITE_MATCHES } from "../src/sites";

/** LinkedIn company pages, profiles and Sales Navigator (one single-page app: every path, followed in-page). */
export default defineContentScript({
  matches: [...SITE_MATCHES.linkedin],
  runAt: "document_start",
  main: (ctx) => runOverlay(ctx, [linkedInCompanyPage, linkedInProfilePage, salesNavigatorAccountPage, salesNavigatorLeadPage]),
});
