import type { SiteEvent } from "@sillage/shared/api/site-event";
import type { LeadEvent } from "@sillage/shared/api/delivered-lead";
import type { Env } from "../env";
import { DISABLE_AFTER_FAILED_DELIVERIES, MAX_ATTEMPTS, retryDelaySeconds } from "./backoff";
import { isTestEventId } from "./event-id";
import { SIGNATURE_HEADER, signatureHeader } from "./sign";
import { slackMessageFor } from "./slack";

export const DEFAULT_TIMEOUT_MS = 10_000;
/** A message arriving this much before its delivery is due is a duplicate (or its lease is still held). */
const EARLY_TOLERANCE_MS = 5_000;
const ERROR_SNIPPET_CHARS = 300;

export interface DeliveryOptions {
  now?: () => number;
  fetch?: typeof fetch;
  /** Multiplies the retry schedule; 1 in production. */
  backoffScale?: number;
  timeoutMs?: number;
  random?: () => number;
}

export type AttemptOutcome =
  | { action: "ack"; result: "delivered" | "failed" | "skipped"; reason: string }
  | { action: "retry"; delaySeconds: number; reason: string };

interface DeliveryRow {
  id: string;
  endpointId: string;
  eventId: string;
  event: string;
  payload: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  nextAttemptAt: number | null;
  url: string;
  format: "json" | "slack";
  secret: string;
  disabledAt: number | null;
  disabledReason: string | null;
}

interface SendResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  ms: number;
}

async function readSnippet(res: Response): Promise<string> {
  // Read just enough of an error page to say what went wrong; never buffer a large body.
  const reader = res.body?.getReader();
  if (!reader) return "";
  const decoder = new TextDecoder();
  let text = "";
  try {
    while (text.length < ERROR_SNIPPET_CHARS) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    // The snippet is a courtesy; the status code is the verdict.
  } finally {
    reader.cancel().catch(() => undefined);
  }
  return text.replace(/\s+/g, " ").trim().slice(0, ERROR_SNIPPET_CHARS);
}

/** The bytes sent: the stored event for JSON endpoints, a Slack card rendered from it for Slack ones. */
export function renderBody(format: "json" | "slack", payload: string): string {
  return format === "slack" ? JSON.stringify(slackMessageFor(JSON.parse(payload) as LeadEvent | SiteEvent)) : payload;
}

async function send(d: DeliveryRow, attempt: number, now: number, fetcher: typeof fetch, timeoutMs: number): Promise<SendResult> {
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = new TextEncoder().encode(renderBody(d.format, d.payload));
  } catch (err) {
    // A payload that cannot be rendered is a failed attempt like any other, not a message retried forever.
    return {
      ok: false,
      statusCode: null,
      error: `could not render the ${d.format} body: ${err instanceof Error ? err.message : String(err)}`.slice(0, 300),
      ms: 0,
    };
  }
  const headers = {
    "Content-Type": "application/json; charset=utf-8",
    "User-Agent": "Sillage-Webhooks/1",
    "Sillage-Event": d.event,
    "Sillage-Event-Id": d.eventId,
    "Sillage-Delivery": d.id,
    "Sillage-Attempt": String(attempt),
    [SIGNATURE_HEADER]: await signatureHeader(d.secret, body, Math.floor(now / 1000)),
  };
  const started = Date.now();
  try {
    // No redirects: a 3xx is reported so the customer fixes the URL, and a signed body never lands elsewhere.
    const res = await fetcher(d.url, { method: "POST", headers, body, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
    const ms = Date.now() - started;
    if (res.status >= 200 && res.status < 300) {
      res.body?.cancel().catch(() => undefined);
      return { ok: true, statusCode: res.status, error: null, ms };
    }
    const snippet = await readSnippet(res);
    return { ok: false, statusCode: res.status, error: `HTTP ${res.status}${snippet ? `: ${snippet}` : ""}`, ms };
  } catch (err) {
    const ms = Date.now() - started;
    const name = err instanceof Error ? err.name : "";
    const error =
      name === "TimeoutError" || name === "AbortError"
        ? `timeout after ${timeoutMs / 1000} s`
        : `network error: ${err instanceof Error ? err.message : String(err)}`;
    return { ok: false, statusCode: null, error: error.slice(0, ERROR_SNIPPET_CHARS + 20), ms };
  }
}

async function loadDelivery(db: D1Database, deliveryId: string): Promise<DeliveryRow | null> {
  return db
    .prepare(
      `SELECT d.id, d.endpoint_id AS endpointId, d.event_id AS eventId, d.event, d.payload, d.status, d.attempts,
              d.next_attempt_at AS nextAttemptAt, e.url, e.format, e.secret, e.disabled_at AS disabledAt, e.disabled_reason AS disabledReason
         FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id AND e.workspace_id = d.workspace_id
        WHERE d.id = ?`,
    )
    .bind(deliveryId)
    .first<DeliveryRow>();
}

/**
 * One attempt of one logical delivery, decided from D1 (the queue message only names the delivery):
 * - a delivery already delivered or failed is acknowledged without sending: exactly one logical delivery;
 * - the attempt is claimed with a compare-and-set on `attempts`, so two copies of a message never both send;
 *   the claim also sets a lease in `next_attempt_at`, and a copy arriving before it is due waits its turn;
 * - 2xx delivers; anything else retries on the backoff schedule until MAX_ATTEMPTS, then fails the delivery
 *   and counts it against the endpoint, which is disabled after DISABLE_AFTER_FAILED_DELIVERIES in a row.
 * Test sends ("evt_test_…") never touch the endpoint's failure count.
 */
export async function attemptDelivery(env: Env, deliveryId: string, opts: DeliveryOptions = {}): Promise<AttemptOutcome> {
  const clock = opts.now ?? Date.now;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const db = env.DB;
  const d = await loadDelivery(db, deliveryId);
  if (!d) return { action: "ack", result: "skipped", reason: "delivery or endpoint deleted" };
  if (d.status !== "pending") return { action: "ack", result: "skipped", reason: `already ${d.status}` };

  const now = clock();
  if (d.disabledAt != null) {
    const reason = `endpoint disabled${d.disabledReason ? `: ${d.disabledReason}` : ""}`;
    await db
      .prepare("UPDATE webhook_deliveries SET status = 'failed', last_error = ?, next_attempt_at = NULL WHERE id = ? AND status = 'pending'")
      .bind(reason, d.id)
      .run();
    return { action: "ack", result: "failed", reason };
  }
  if (d.nextAttemptAt != null && d.nextAttemptAt > now + EARLY_TOLERANCE_MS) {
    return { action: "retry", delaySeconds: Math.ceil((d.nextAttemptAt - now) / 1000), reason: "not due yet" };
  }

  const attempt = d.attempts + 1;
  const claim = await db
    .prepare("UPDATE webhook_deliveries SET attempts = ?, next_attempt_at = ? WHERE id = ? AND status = 'pending' AND attempts = ?")
    .bind(attempt, now + timeoutMs + 30_000, d.id, d.attempts)
    .run();
  if (claim.meta.changes === 0) return { action: "ack", result: "skipped", reason: "claimed by another consumer" };

  const r = await send(d, attempt, now, opts.fetch ?? fetch, timeoutMs);
  const after = clock();
  // Workers Logs keep every attempt; the delivery row keeps the last one (see the report: an attempts table).
  console.log(
    JSON.stringify({ webhook_attempt: d.id, endpoint: d.endpointId, event: d.event, attempt, ok: r.ok, status: r.statusCode, error: r.error, ms: r.ms }),
  );
  const counts = !isTestEventId(d.eventId);

  if (r.ok) {
    await db.batch([
      db
        .prepare(
          "UPDATE webhook_deliveries SET status = 'delivered', delivered_at = ?, last_status_code = ?, last_error = NULL, next_attempt_at = NULL WHERE id = ?",
        )
        .bind(after, r.statusCode, d.id),
      ...(counts ? [db.prepare("UPDATE webhook_endpoints SET consecutive_failures = 0 WHERE id = ?").bind(d.endpointId)] : []),
    ]);
    return { action: "ack", result: "delivered", reason: `HTTP ${r.statusCode}` };
  }

  if (attempt < MAX_ATTEMPTS) {
    const delaySeconds = retryDelaySeconds(attempt, opts.backoffScale ?? 1, opts.random);
    await db
      .prepare("UPDATE webhook_deliveries SET last_status_code = ?, last_error = ?, next_attempt_at = ? WHERE id = ?")
      .bind(r.statusCode, r.error, after + delaySeconds * 1000, d.id)
      .run();
    return { action: "retry", delaySeconds, reason: r.error ?? "failed" };
  }

  const disableReason = `${DISABLE_AFTER_FAILED_DELIVERIES} deliveries in a row failed after ${MAX_ATTEMPTS} attempts each (last: ${r.error})`.slice(0, 500);
  await db.batch([
    db
      .prepare("UPDATE webhook_deliveries SET status = 'failed', last_status_code = ?, last_error = ?, next_attempt_at = NULL WHERE id = ?")
      .bind(r.statusCode, r.error, d.id),
    ...(counts
      ? [
          // Right-hand sides read the row as it was, so "consecutive_failures + 1" is the new count.
          db
            .prepare(
              `UPDATE webhook_endpoints SET consecutive_failures = consecutive_failures + 1,
               disabled_reason = CASE WHEN disabled_at IS NULL AND consecutive_failures + 1 >= ? THEN ? ELSE disabled_reason END,
               disabled_at = CASE WHEN disabled_at IS NULL AND consecutive_failures + 1 >= ? THEN ? ELSE disabled_at END
             WHERE id = ?`,
            )
            .bind(DISABLE_AFTER_FAILED_DELIVERIES, disableReason, DISABLE_AFTER_FAILED_DELIVERIES, after, d.endpointId),
        ]
      : []),
  ]);
  return { action: "ack", result: "failed", reason: r.error ?? "failed" };
}
