/**
 * A backfill of BENCH_LEADS MQL leads (1,000 by default) into HubSpot, then Pipedrive, against their local fakes
 * (test/fakes/), through the real worker (wrangler dev, local D1 and Queues): CRM calls per lead, time, and a
 * check that every lead ended on exactly one CRM company (30 % already existed with the SIREN, 10 % under the
 * exact legal name, the rest are created). Then the same backfill again: nothing changed, so nothing is written.
 * Figures are printed, not asserted; the exit code is non-zero only when the result is wrong (a duplicate, a lead
 * not synced).
 *
 *   node_modules/.bin/tsx test/bench/crm-backfill.bench.ts        BENCH_LEADS=200 … for a quick run
 */
import { startHubSpotFake } from "../fakes/hubspot.ts";
import { startPipedriveFake } from "../fakes/pipedrive.ts";
import type { RunningFake } from "../fakes/crm-fake-kit.ts";
import { startDevServer, type DevServer } from "../support/dev-server.mjs";

const LEADS = Number(process.env.BENCH_LEADS ?? 1000);
const WS = "ws_demo";
const DAY = 86_400_000;
/** HubSpot private apps (Professional/Enterprise): 190 requests per 10 s; Pipedrive: about 80 per 2 s per token on Growth plans. */
const RATE = { hubspot: 19, pipedrive: 40 };

function seedSql(n: number, now: number): string {
  return `
    WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < ${n - 1})
    INSERT INTO companies (siren, name, naf_code, naf_section, headcount_code, headcount_min, revenue, category, record, source, fetched_at)
      SELECT printf('%09d', 400000000 + i), 'ENTREPRISE BENCH ' || printf('%05d', i), '62.01Z', 'J', '21', 50, 1000000 + i * 1000, 'PME',
             json_object('source', 'sirene-local', 'siren', printf('%09d', 400000000 + i), 'headOfficeSiret', printf('%09d', 400000000 + i) || '00017',
               'name', 'ENTREPRISE BENCH ' || printf('%05d', i), 'nafCode', '62.01Z', 'nafLabel', 'Programmation informatique',
               'headcountCode', '21', 'headcountLabel', '50 à 99 salariés', 'revenue', 1000000 + i * 1000, 'financesYear', 2024,
               'address', (i % 90 + 1) || ' RUE DE LA RÉPUBLIQUE 69002 LYON', 'postalCode', '69002', 'city', 'LYON'),
             'sirene-local', ${now}
        FROM seq;
    WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < ${n - 1})
    INSERT INTO leads (id, workspace_id, key, siren, name, domain, status, status_changed_at, score, mql_at, sla_due_at, first_seen_at, last_seen_at)
      SELECT 'lead_crm' || printf('%05d', i), '${WS}', 'siren:' || printf('%09d', 400000000 + i), printf('%09d', 400000000 + i),
             'ENTREPRISE BENCH ' || printf('%05d', i), 'bench-' || i || '.fr', 'mql', ${now} - ${DAY}, 75, ${now} - ${DAY}, ${now} + ${DAY},
             ${now} - 10 * ${DAY}, ${now} - ${DAY}
        FROM seq;`;
}

async function api<T>(server: DevServer, method: string, path: string, body?: unknown): Promise<T> {
  const send = () =>
    fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${server.apiKey}`, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
  // A progress poll may meet a keep-alive connection the local server dropped (closed, or silent until undici's 5-minute
  // headers timeout): each request has its own timeout and a GET is simply sent again.
  let res: Response;
  for (let attempt = 1; ; attempt++) {
    try {
      res = await send();
      break;
    } catch (err) {
      if (method !== "GET" || attempt >= 5) throw err;
      console.error(`  (${method} ${path}: ${(err as Error).message}; again)`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

type Progress = { finished: boolean; total: number; synced: number; failed: number; pending: number };

/**
 * Starts a backfill through the API, then follows it in the local database itself (`wrangler d1 execute`, the job's
 * sync events by status): under load, API polls to wrangler dev sometimes went unanswered for minutes while the
 * queue consumer kept working, which would have measured the poller, not the backfill.
 */
async function backfill(server: DevServer, connectionId: string): Promise<{ ms: number; progress: Progress }> {
  const t0 = Date.now();
  const { jobId } = await api<{ jobId: string }>(server, "POST", `/crm/connections/${connectionId}/backfill`, {});
  for (;;) {
    // A read from another process may find the database busy (SQLITE_BUSY): skip that poll.
    const rows = await server
      .d1<{ status: string; n: number }>(`SELECT status, COUNT(*) AS n FROM crm_sync_events WHERE job_id = '${jobId}' GROUP BY status`)
      .catch(() => null);
    if (!rows) {
      await new Promise((r) => setTimeout(r, 1000));
      continue;
    }
    const by = Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>;
    const progress: Progress = { total: LEADS, synced: by.done ?? 0, failed: by.failed ?? 0, pending: by.pending ?? 0, finished: false };
    progress.finished = progress.synced + progress.failed >= LEADS && progress.pending === 0;
    if (process.env.BENCH_VERBOSE) console.error(`  ${((Date.now() - t0) / 1000).toFixed(1)} s`, JSON.stringify(progress));
    if (progress.finished) return { ms: Date.now() - t0, progress };
    if (Date.now() - t0 > 30 * 60_000) throw new Error(`backfill not finished after 30 min: ${JSON.stringify(progress)}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

const control = (fake: RunningFake, account: string, method: string, path: string, body?: unknown) =>
  fetch(`${fake.url}/_fake/accounts/${account}${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });

async function run(server: DevServer, crm: "hubspot" | "pipedrive", fake: RunningFake): Promise<boolean> {
  const account = `bench-${crm}`;
  const token = `${crm}-bench-token-0123456789`;
  await control(fake, account, "POST", "", { token, companyDomain: "bench", portalId: 4242 });
  const conn = await api<{ id: string }>(server, "POST", "/crm/connections", { crm, token, ...(crm === "pipedrive" ? { companyDomain: "bench" } : {}) });
  await api(server, "POST", `/crm/connections/${conn.id}/test`);
  await api(server, "PATCH", `/crm/connections/${conn.id}`, { enabled: true });
  // Companies already in the CRM: 30 % with the SIREN, 10 % under the exact legal name only.
  const pre = { siren: 0, name: 0 };
  for (let i = 0; i < LEADS; i++) {
    const name = `Entreprise Bench ${String(i).padStart(5, "0")}`;
    const siren = String(400_000_000 + i);
    if (i % 10 < 3) {
      pre.siren++;
      await control(fake, account, "POST", "/companies", crm === "hubspot" ? { name, siren } : { name, SIREN: siren });
    } else if (i % 10 === 3) {
      pre.name++;
      await control(fake, account, "POST", "/companies", { name });
    }
  }
  const before = fake.accounts.get(account)!.requests.length;
  const first = await backfill(server, conn.id);
  const calls = fake.accounts.get(account)!.requests.length - before;
  const state = fake.accounts.get(account)!;
  const companies = [...state.companies.values()];
  const sirenKey = crm === "hubspot" ? "siren" : String((state.customFields.find((f) => f.name === "SIREN") as { key: string }).key);
  const perSiren = new Map<string, number>();
  for (const c of companies) {
    const s = c.props[sirenKey];
    if (s != null) perSiren.set(String(s), (perSiren.get(String(s)) ?? 0) + 1);
  }
  const duplicates = [...perSiren.values()].filter((n) => n > 1).length;
  const missing = LEADS - perSiren.size;
  const status429 = state.requests.filter((r) => r.status === 429).length;

  const before2 = state.requests.length;
  const second = await backfill(server, conn.id);
  const writes2 = state.requests.slice(before2).filter((r) => r.method !== "GET" && !r.path.endsWith("/search")).length;
  const calls2 = state.requests.length - before2;

  console.log(`${crm}: ${LEADS} MQLs (${pre.siren} already in the CRM by SIREN, ${pre.name} by name only)`);
  console.log(
    `  backfill: ${(first.ms / 1000).toFixed(1)} s (${Math.round((LEADS / first.ms) * 1000)} leads/s), ${first.progress.synced} synced, ${first.progress.failed} failed`,
  );
  console.log(
    `  CRM calls: ${calls} = ${(calls / LEADS).toFixed(2)} per lead (search, write, MQL tasks are not created by a backfill)${status429 ? `, ${status429} × 429` : ""}`,
  );
  console.log(`  at the CRM's rate limit (~${RATE[crm]} req/s) the same backfill would take ≈ ${Math.ceil(calls / RATE[crm])} s`);
  console.log(
    `  companies: ${companies.length} (${companies.length - pre.siren - pre.name} created), duplicates by SIREN: ${duplicates}, leads without a company: ${missing}`,
  );
  console.log(`  same backfill again: ${(second.ms / 1000).toFixed(1)} s, ${(calls2 / LEADS).toFixed(2)} calls per lead, ${writes2} writes`);
  return duplicates === 0 && missing === 0 && first.progress.failed === 0 && companies.length === LEADS;
}

async function main(): Promise<number> {
  const [hubspot, pipedrive] = await Promise.all([startHubSpotFake(), startPipedriveFake()]);
  const server = await startDevServer({ vars: { HUBSPOT_API_URL: hubspot.url, PIPEDRIVE_API_URL: pipedrive.url }, args: ["--log-level", "warn"] });
  try {
    await server.d1(seedSql(LEADS, Date.now()));
    // BENCH_CRMS=pipedrive runs one of them only.
    const crms = (process.env.BENCH_CRMS ?? "hubspot,pipedrive").split(",");
    const ok: boolean[] = [];
    if (crms.includes("hubspot")) ok.push(await run(server, "hubspot", hubspot));
    if (crms.includes("pipedrive")) ok.push(await run(server, "pipedrive", pipedrive));
    return ok.every(Boolean) ? 0 : 1;
  } catch (err) {
    console.error(`wrangler dev said:\n${server.output().slice(-4000)}`);
    throw err;
  } finally {
    await server.stop();
    await Promise.all([hubspot.close(), pipedrive.close()]);
  }
}

process.exitCode = await main();
