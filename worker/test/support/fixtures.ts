import { env, exports } from "cloudflare:workers";
import { apiKeyPrefix, generateApiKey, hashApiKey } from "@sillage/shared/api-key";
import { cidrToHexRange } from "@sillage/shared/network/cidr";
import type { CollectEnvelope } from "../../src/ingest/envelope";

export interface TestSite {
  workspaceId: string;
  siteId: string;
  siteKey: string;
  apiKey: string;
}

let counter = 0;

/** A fresh workspace with one site and an admin key, written straight to D1 as the admin CLI would. */
export async function createTestSite(opts: { hostnames?: string[]; respectDnt?: boolean } = {}): Promise<TestSite> {
  const n = `${Date.now().toString(36)}${(counter++).toString(36)}`;
  const workspaceId = `ws_t${n}`;
  const siteId = `site_t${n}`;
  const siteKey = `key-${n}`;
  const apiKey = generateApiKey();
  const now = Date.now();
  await env.DB.batch([
    env.DB.prepare("INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?)").bind(workspaceId, `Test ${n}`, now),
    env.DB.prepare("INSERT INTO sites (id, workspace_id, name, public_key, allowed_hostnames, respect_dnt, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)").bind(
      siteId,
      workspaceId,
      "Site de test",
      siteKey,
      JSON.stringify(opts.hostnames ?? ["www.exemple.fr"]),
      opts.respectDnt ? 1 : 0,
      now,
    ),
    env.DB.prepare("INSERT INTO api_keys (id, workspace_id, name, role, prefix, hash, created_at) VALUES (?, ?, ?, 'admin', ?, ?, ?)").bind(
      `key_t${n}`,
      workspaceId,
      "test",
      apiKeyPrefix(apiKey),
      await hashApiKey(apiKey),
      now,
    ),
  ]);
  return { workspaceId, siteId, siteKey, apiKey };
}

/** Polls until `check` returns a value (the queue consumer runs asynchronously). */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until `n` of the site's hits have left `pending` (enriched, ignored or failed). */
export async function hitsSettled(site: Pick<TestSite, "siteId">, n: number, timeoutMs = 15_000): Promise<void> {
  await eventually(async () => {
    const r = await env.DB.prepare("SELECT count(*) AS n FROM hits WHERE site_id = ? AND enrichment_status != 'pending'")
      .bind(site.siteId)
      .first<{ n: number }>();
    return r!.n === n;
  }, timeoutMs);
}

export const CHROME_UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

/** The worker under test, called in-process (same isolate, real bindings). */
export const worker = (exports as unknown as { default: { fetch: (req: Request) => Promise<Response> } }).default;

/** A workspace's "this IP range is that company" override, as an admin would declare it. */
export async function overrideCidr(site: TestSite, cidr: string, siren: string) {
  const range = cidrToHexRange(cidr)!;
  await env.DB.prepare(
    `INSERT INTO identity_overrides (id, workspace_id, type, value, family, start, "end", siren, created_at) VALUES (?, ?, 'cidr', ?, ?, ?, ?, ?, ?)`,
  )
    .bind(`ovr_${crypto.randomUUID()}`, site.workspaceId, cidr, range.family, range.start, range.end, siren, Date.now())
    .run();
}

/** The worker's queue handler, driven through the runtime's own queue entry point with batches a test builds. */
export interface QueueResult {
  outcome: string;
  ackAll: boolean;
  retryBatch: { retry: boolean };
  retryMessages: { msgId: string }[];
  explicitAcks: string[];
}
let messageSeq = 0;
export function deliverBatch(queueName: string, bodies: unknown[], attempts = 1): Promise<QueueResult> {
  const entry = (exports as unknown as { default: { queue(name: string, messages: unknown[]): Promise<QueueResult> } }).default;
  return entry.queue(
    queueName,
    bodies.map((body) => ({ id: `msg-${Date.now().toString(36)}-${messageSeq++}`, timestamp: new Date(), attempts, body })),
  );
}

let envelopeSeq = 0;
/** What the collector would have captured for this body: the hits queue's message. */
export function collectEnvelope(
  body: Record<string, unknown> | string,
  opts: { ip?: string; at?: number; ua?: string; requestId?: string } = {},
): CollectEnvelope {
  return {
    requestId: opts.requestId ?? `req-${Date.now().toString(36)}-${envelopeSeq++}`,
    source: "collect",
    receivedAt: opts.at ?? Date.now(),
    body: typeof body === "string" ? body : JSON.stringify(body),
    ip: opts.ip ?? "203.0.113.9",
    headers: { userAgent: opts.ua ?? CHROME_UA, referer: "", dnt: "", gpc: "", purpose: "", secChUa: "" },
    cf: {},
  };
}
