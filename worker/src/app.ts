import { createApp, newApp } from "./http/app-factory";
import { requireAuth } from "./auth/require-auth";
import { rateLimitByKey } from "./http/rate-limit";
import { apiKeySecurityScheme, openApiConfig } from "./http/openapi";
import { trackerRoutes } from "./routes/tracker";
import { demoSiteRoutes } from "./routes/demo-site";
import { dropRoutes } from "./routes/drops";
import { meRoutes } from "./routes/me";
import { identifyRoutes } from "./routes/identify";
import { leadsRoutes } from "./routes/leads";
import { webhooksRoutes } from "./routes/webhooks";
import { exportsRoutes } from "./routes/exports";
import { privacyRoutes } from "./routes/privacy";
import { membersRoutes } from "./routes/members";
import { scoringRoutes } from "./routes/scoring";
import { optOutRoutes } from "./routes/opt-out";
import { consoleSessionRoutes, consoleSignInRoutes } from "./routes/console-session";
import { consoleRoutes } from "./routes/console";
import { kpiWeeklyRoutes } from "./routes/kpi-weekly";
import { leadCorrectionRoutes } from "./routes/lead-correction";
import { networksRoutes } from "./routes/networks";
import { crmRoutes } from "./routes/crm";

const api = newApp();
// Registered before the key check, so the API description is public.
api.openAPIRegistry.registerComponent("securitySchemes", "apiKey", apiKeySecurityScheme);
api.doc31("/openapi.json", (c) => openApiConfig(new URL(c.req.url).origin));
// Console sign-in and sign-out come before the auth check too (they create and end what it checks).
api.route("/", consoleSignInRoutes);
api.use("*", requireAuth);
api.use("*", rateLimitByKey);
// exportsRoutes before leadsRoutes: `/leads/export.csv` must not be read as the lead id "export.csv".
for (const routes of [
  consoleSessionRoutes,
  meRoutes,
  dropRoutes,
  identifyRoutes,
  exportsRoutes,
  leadsRoutes,
  kpiWeeklyRoutes,
  scoringRoutes,
  webhooksRoutes,
  privacyRoutes,
  membersRoutes,
  leadCorrectionRoutes,
  networksRoutes,
  crmRoutes,
]) {
  api.route("/", routes);
}

const app = createApp();
app.get("/", (c) => c.json({ name: "Sillage", docs: "/api/v1/openapi.json" }));
app.route("/", trackerRoutes);
app.route("/", demoSiteRoutes);
app.route("/", consoleRoutes);
app.route("/", optOutRoutes);
app.route("/api/v1", api);

export default app;
