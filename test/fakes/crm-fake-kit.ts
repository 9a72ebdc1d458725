/**
 * What the HubSpot and Pipedrive fakes share: accounts reached by token, a scripted-failure queue (429 with
 * rate-limit headers, 5xx…), latency, the search index lag both CRMs document, a request log, and a control API
 * on the same server for tests (`/_fake/…`). Each fake supplies its own routes and its CRM's documented shapes.
 *
 * Control API (JSON):
 * - `POST /_fake/accounts/<id>` `{ token, ...init }`: creates the account if missing (idempotent);
 * - `POST /_fake/accounts/<id>/tokens` `{ add?, revoke? }`: a token is revoked (its calls answer 401) or added;
 * - `POST /_fake/accounts/<id>/script` `{ steps: [{ status, body?, headers?, match?, path?, method? }] }`: the next requests
 *   whose path contains `match` (or is `path`) and whose method is `method` (any request without them) are answered from the steps, in order; a step with
 *   `afterWrite: true` lets the CRM do the request first and then answers the step instead (the write landed,
 *   its answer was lost: a 502 from a proxy, a dropped connection);
 * - `POST /_fake/accounts/<id>/config` `{ latencyMs?, searchLagMs? }`;
 * - `POST /_fake/accounts/<id>/companies` `{ ...properties }`: a company that already exists in the CRM;
 * - `PATCH /_fake/accounts/<id>/companies/<companyId>` `{ ...properties }`: a salesperson edits it;
 * - `GET /_fake/accounts/<id>`: companies, tasks, custom properties and the requests received.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface ScriptStep extends FakeReply {
  /** Only requests whose path contains this are answered by the step. */
  match?: string;
  /** Only requests to exactly this path. */
  path?: string;
  /** Only requests with this method (any when absent). */
  method?: string;
  /** The request is carried out, then answered by the step: the client cannot tell whether it landed. */
  afterWrite?: boolean;
}

export interface FakeCompany {
  id: number;
  props: Record<string, unknown>;
  createdAt: number;
  updatedAt: number;
}

export interface FakeAccount {
  id: string;
  tokens: Set<string>;
  script: ScriptStep[];
  latencyMs: number;
  /** New companies stay out of search results this long (HubSpot documents seconds of indexing delay). */
  searchLagMs: number;
  requests: { method: string; path: string; status: number; at: number }[];
  companies: Map<number, FakeCompany>;
  tasks: Record<string, unknown>[];
  /** Custom properties / fields created through the API. */
  customFields: Record<string, unknown>[];
  nextId: number;
  init: Record<string, unknown>;
}

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

export interface CrmFakeSpec {
  /** The token a request carries (header or query parameter), null when none. */
  tokenOf(req: IncomingMessage, url: URL): string | null;
  unauthorized(): FakeReply;
  /** Headers every answer carries (rate-limit counters…). */
  commonHeaders?(account: FakeAccount): Record<string, string>;
  handle(account: FakeAccount, req: FakeRequest): FakeReply;
  /** A company as the tests read it back. */
  view(account: FakeAccount, company: FakeCompany): unknown;
  /** Properties given by a test → the stored props (e.g. a Pipedrive field label → its key). */
  seedProps?(account: FakeAccount, props: Record<string, unknown>): Record<string, unknown>;
}

export interface RunningFake {
  url: string;
  accounts: Map<string, FakeAccount>;
  close(): Promise<void>;
}

export function newAccount(id: string, token: string, init: Record<string, unknown>): FakeAccount {
  return {
    id,
    tokens: new Set([token]),
    script: [],
    latencyMs: 0,
    searchLagMs: 0,
    requests: [],
    companies: new Map(),
    tasks: [],
    customFields: [],
    nextId: 1001,
    init,
  };
}

/** Companies the CRM's search can see now (those created within the index lag are not yet there). */
export function searchable(account: FakeAccount, now = Date.now()): FakeCompany[] {
  return [...account.companies.values()].filter((c) => now - c.createdAt >= account.searchLagMs);
}

export async function startCrmFake(spec: CrmFakeSpec): Promise<RunningFake> {
  const accounts = new Map<string, FakeAccount>();
  const byToken = (token: string) => [...accounts.values()].find((a) => a.tokens.has(token));

  const send = (res: ServerResponse, reply: FakeReply) => {
    // One connection per request: a long run (the benchmark) must not leave workerd with thousands of idle sockets.
    res.writeHead(reply.status, { "content-type": "application/json", connection: "close", ...(reply.headers ?? {}) });
    res.end(reply.body === undefined ? "" : JSON.stringify(reply.body));
  };

  const control = (method: string, parts: string[], body: Record<string, unknown>): FakeReply => {
    const [, , id, what, sub] = parts; // "", "_fake", "accounts", id, …
    if (parts[1] !== "accounts" || !id) return { status: 404, body: { error: "unknown control route" } };
    let account = accounts.get(id);
    if (method === "POST" && !what) {
      if (!account) accounts.set(id, (account = newAccount(id, String(body.token), body)));
      return { status: 200, body: { id } };
    }
    if (!account) return { status: 404, body: { error: `no account ${id}` } };
    if (method === "POST" && what === "tokens") {
      if (typeof body.revoke === "string") account.tokens.delete(body.revoke);
      if (typeof body.add === "string") account.tokens.add(body.add);
      return { status: 200, body: {} };
    }
    if (method === "POST" && what === "script") {
      account.script.push(...((body.steps as ScriptStep[]) ?? []));
      return { status: 200, body: {} };
    }
    if (method === "POST" && what === "config") {
      if (typeof body.latencyMs === "number") account.latencyMs = body.latencyMs;
      if (typeof body.searchLagMs === "number") account.searchLagMs = body.searchLagMs;
      return { status: 200, body: {} };
    }
    if (method === "POST" && what === "companies") {
      const now = Date.now() - account.searchLagMs; // an old company: already indexed
      const company: FakeCompany = { id: account.nextId++, props: spec.seedProps?.(account, body) ?? body, createdAt: now, updatedAt: now };
      account.companies.set(company.id, company);
      return { status: 200, body: { id: String(company.id) } };
    }
    if (method === "PATCH" && what === "companies" && sub) {
      const company = account.companies.get(Number(sub));
      if (!company) return { status: 404, body: { error: "no such company" } };
      Object.assign(company.props, spec.seedProps?.(account, body) ?? body);
      company.updatedAt = Date.now();
      return { status: 200, body: spec.view(account, company) };
    }
    if (method === "GET" && !what) {
      return {
        status: 200,
        body: {
          companies: [...account.companies.values()].map((c) => spec.view(account, c)),
          tasks: account.tasks,
          customFields: account.customFields,
          requests: account.requests,
        },
      };
    }
    return { status: 404, body: { error: "unknown control route" } };
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://fake");
      const text = Buffer.concat(chunks).toString("utf8");
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        return send(res, { status: 400, body: { error: "body is not JSON" } });
      }
      const method = req.method ?? "GET";
      if (url.pathname.startsWith("/_fake/")) return send(res, control(method, url.pathname.split("/").slice(1), (body as Record<string, unknown>) ?? {}));

      const token = spec.tokenOf(req, url);
      const account = token ? byToken(token) : undefined;
      if (!account) return send(res, spec.unauthorized());
      const answer = () => {
        const stepIndex = account.script.findIndex(
          (s) => (!s.match || url.pathname.includes(s.match)) && (!s.path || s.path === url.pathname) && (!s.method || s.method === method),
        );
        const step = stepIndex >= 0 ? account.script.splice(stepIndex, 1)[0]! : null;
        const handle = () => spec.handle(account, { method, path: url.pathname, query: url.searchParams, body });
        if (step?.afterWrite) handle();
        const reply = step ?? handle();
        account.requests.push({ method, path: url.pathname, status: reply.status, at: Date.now() });
        send(res, { ...reply, headers: { ...(spec.commonHeaders?.(account) ?? {}), ...(reply.headers ?? {}) } });
      };
      if (account.latencyMs > 0) setTimeout(answer, account.latencyMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    accounts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
