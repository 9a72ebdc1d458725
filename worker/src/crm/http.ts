import { CrmAuthError, CrmRejected, CrmRetryLater } from "./errors";
import { rateLimitHint, retryDelayMs } from "./rate-limit";

export interface CrmHttpOptions {
  baseUrl: string;
  headers: Record<string, string>;
  /** The CRM's error text out of an error body (HubSpot `message`, Pipedrive `error`). */
  errorText: (body: unknown) => string | null;
  /** Multiplies every wait (1 in production; tests shorten it). */
  backoffScale?: number;
  /** A wait longer than this is not spent in the worker: the sync is handed back to the queue with that delay. */
  maxInlineWaitMs?: number;
  /** Tries per request (the first one included) before giving up to the queue. */
  maxTries?: number;
  timeoutMs?: number;
}

/** One request and its answer, kept for the sync log. */
export interface CrmExchange {
  method: string;
  path: string;
  status: number | null;
  /** Time waited before retrying it (rate limit or 5xx), ms before scaling. */
  retriedAfterMs?: number;
  note?: string;
}

const RESPONSE_CHARS = 2000;
/**
 * After a create whose outcome is unknown, the next try waits at least this long: HubSpot's search index lags
 * behind writes by a few seconds, and the next try looks the record up before creating it.
 */
const UNKNOWN_OUTCOME_DELAY_MS = 30_000;

/**
 * JSON over HTTP to a CRM, with the retry policy both CRMs need: 429 and 5xx are retried in place when the
 * wait the CRM asks for is short, otherwise handed back as CrmRetryLater; 401/403 become CrmAuthError and
 * other 4xx CrmRejected, each with the CRM's own message. Counts calls (the sync log and the benchmark show them).
 */
export class CrmHttp {
  calls = 0;
  readonly exchanges: CrmExchange[] = [];
  lastStatus: number | null = null;
  lastResponse = "";

  constructor(private readonly opts: CrmHttpOptions) {}

  /**
   * `creates`: the request makes a record (POST of a company or a task). When its outcome is unknown (no answer,
   * or a 5xx that may come after the write) it is not sent again in place, where it would make a second record:
   * the caller finds out on its next try whether the first one landed. A 429 is safe to repeat (nothing was done).
   */
  async request<T>(method: string, path: string, body?: unknown, { notFoundIsNull = false, creates = false } = {}): Promise<T | null> {
    const scale = this.opts.backoffScale ?? 1;
    const maxTries = this.opts.maxTries ?? 3;
    for (let attempt = 1; ; attempt++) {
      this.calls++;
      const exchange: CrmExchange = { method, path: path.split("?")[0]!, status: null };
      this.exchanges.push(exchange);
      let res: Response;
      try {
        res = await fetch(this.opts.baseUrl.replace(/\/+$/, "") + path, {
          method,
          headers: { accept: "application/json", ...(body !== undefined ? { "content-type": "application/json" } : {}), ...this.opts.headers },
          body: body !== undefined ? JSON.stringify(body) : undefined,
          signal: AbortSignal.timeout(this.opts.timeoutMs ?? 15_000),
        });
      } catch (err) {
        const message = `no answer from the CRM (${err instanceof Error ? err.message : String(err)})`;
        exchange.note = message;
        const delay = retryDelayMs(0, new Headers(), attempt);
        if (attempt >= maxTries || creates) throw new CrmRetryLater(message, Math.max(delay, UNKNOWN_OUTCOME_DELAY_MS), null, "");
        exchange.retriedAfterMs = delay;
        await sleep(delay * scale);
        continue;
      }
      const text = await res.text();
      exchange.status = res.status;
      this.lastStatus = res.status;
      this.lastResponse = text.slice(0, RESPONSE_CHARS);
      if (res.ok) return text ? (JSON.parse(text) as T) : null;
      if (res.status === 404 && notFoundIsNull) return null;

      const crmMessage = this.errorText(text) ?? `HTTP ${res.status}`;
      if (res.status === 401 || res.status === 403) throw new CrmAuthError(`${res.status} ${crmMessage}`, res.status, this.lastResponse);
      if (res.status === 429 || res.status >= 500) {
        const delay = retryDelayMs(res.status, res.headers, attempt);
        const hint = rateLimitHint(res.headers);
        exchange.note = `${crmMessage}${hint ? ` (${hint})` : ""}`;
        const unknownOutcome = creates && res.status !== 429;
        if (attempt >= maxTries || unknownOutcome || delay > (this.opts.maxInlineWaitMs ?? 10_000)) {
          const wait = unknownOutcome ? Math.max(delay, UNKNOWN_OUTCOME_DELAY_MS) : delay;
          throw new CrmRetryLater(`${res.status} ${exchange.note}`, wait, res.status, this.lastResponse);
        }
        exchange.retriedAfterMs = delay;
        await sleep(delay * scale);
        continue;
      }
      exchange.note = crmMessage;
      throw new CrmRejected(`${res.status} ${crmMessage}`, res.status, this.lastResponse);
    }
  }

  private errorText(text: string): string | null {
    try {
      return this.opts.errorText(JSON.parse(text));
    } catch {
      return text.trim().slice(0, 200) || null;
    }
  }
}

const sleep = (ms: number) => (ms > 0 ? new Promise<void>((r) => setTimeout(r, ms)) : Promise.resolve());
