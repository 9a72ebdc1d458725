import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { planFields, sameValue } from "../src/crm/field-plan";
import { CRM_FIELDS, type CrmField } from "../src/crm/fields";
import { retryDelayMs } from "../src/crm/rate-limit";
import { requeueStalledCrmSyncs } from "../src/crm/resume";
import { createTestSite, eventually } from "./support/fixtures";
import { connect, fakeCrmAccount, hubspotCompanies, leadEvent, seedMql } from "./support/crm";

const desired = (over: Partial<Record<CrmField, string | null>> = {}) =>
  ({ ...Object.fromEntries(CRM_FIELDS.map((f) => [f, null])), name: "DANONE", city: "PARIS", score: "72", status: "mql", ...over }) as Record<
    CrmField,
    string | null
  >;
const keys = { name: "name", city: "city", score: "sillage_score", status: "sillage_status" };

describe("field plan", () => {
  it("writes every known field on a new company, and never an unknown one", () => {
    const { toWrite } = planFields(desired(), keys, null, {}, {});
    expect(toWrite).toEqual({ name: "DANONE", city: "PARIS", sillage_score: "72", sillage_status: "mql" });
  });

  it("keeps a value someone changed in the CRM, writes one still equal to what Sillage wrote or empty, never blanks a value", () => {
    const current = { name: "Danone SA", city: "Lyon", sillage_score: "50", sillage_status: null };
    const written = { city: "Lyon", name: "DANONE" };
    const { decisions, toWrite } = planFields(desired({ city: "VILLEURBANNE" }), keys, current, written, {});
    expect(Object.fromEntries(decisions.map((d) => [d.field, d.action]))).toEqual({ name: "kept", city: "write", score: "write", status: "write" });
    expect(toWrite).toEqual({ city: "VILLEURBANNE", sillage_score: "72", sillage_status: "mql" });
    expect(planFields(desired({ city: null }), keys, { city: "Lyon" }, {}, {}).toWrite).not.toHaveProperty("city");
  });

  it("follows the mapping: `always` overwrites an edit, `never` leaves the field alone", () => {
    const current = { name: "Danone SA", city: "Lyon", sillage_score: "50", sillage_status: "sql" };
    const { toWrite } = planFields(desired(), keys, current, {}, { name: "always", score: "never" });
    expect(toWrite).toEqual({ name: "DANONE", sillage_status: "mql" }); // city: a value Sillage never wrote is kept
  });

  it("compares numbers as numbers (CRMs echo them in their own format)", () => {
    expect(sameValue("27376000000", "27376000000.0")).toBe(true);
    expect(sameValue("72.5", "72,5")).toBe(false);
    expect(sameValue("", null)).toBe(true);
  });
});

describe("rate-limit waits", () => {
  const h = (o: Record<string, string>) => new Headers(o);
  it("honours Retry-After in seconds or as an HTTP date", () => {
    expect(retryDelayMs(429, h({ "retry-after": "7" }), 1)).toBe(7000);
    const now = Date.parse("2026-12-03T10:00:00Z");
    expect(retryDelayMs(503, h({ "retry-after": "Thu, 03 Dec 2026 10:00:30 GMT" }), 1, now)).toBe(30_000);
  });
  it("waits out HubSpot's spent window, or Pipedrive's reset", () => {
    expect(retryDelayMs(429, h({ "x-hubspot-ratelimit-remaining": "0", "x-hubspot-ratelimit-interval-milliseconds": "10000" }), 1)).toBe(10_000);
    expect(retryDelayMs(429, h({ "x-ratelimit-remaining": "0", "x-ratelimit-reset": "2" }), 1)).toBe(2000);
  });
  it("backs off exponentially without a hint", () => {
    expect(retryDelayMs(502, h({}), 1, 0, () => 0)).toBe(1000);
    expect(retryDelayMs(502, h({}), 4, 0, () => 0)).toBe(8000);
  });
});

describe("nothing lost", () => {
  it("the cron job re-queues a pending sync whose queue message was lost", async () => {
    const site = await createTestSite();
    const account = await fakeCrmAccount("hubspot");
    const connectionId = await connect(site, account);
    const lead = await seedMql(site);
    await leadEvent(site, connectionId, lead.leadId); // recorded, never queued: as if the message was lost
    await env.DB.prepare("UPDATE crm_sync_events SET created_at = created_at - 3600000 WHERE connection_id = ?").bind(connectionId).run();
    expect(await requeueStalledCrmSyncs(env, Date.now())).toBeGreaterThanOrEqual(1);
    await eventually(async () => (await hubspotCompanies(account)).some((c) => c.siren === lead.siren));
  });
});
