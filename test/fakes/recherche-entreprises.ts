/**
 * Local stand-in for https://recherche-entreprises.api.gouv.fr, serving the recorded answers in
 * fixtures/recherche-entreprises for `GET /search?q=…`, so tests never touch the network.
 *
 * Fixture files are `{ searchTerms, result }`. A file name may carry extra filters after the query slug
 * (`search-ganymede-ca_min-100-res_max-100000.json`): that answer is served only when the request has
 * those parameters; otherwise the plain answer for the same q is served.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Where the recorded answers live: $SILLAGE_FIXTURES_DIR, a copy inside the repo, or the shared folder. */
export const RECHERCHE_ENTREPRISES_FIXTURES_DIR: string = (() => {
  const candidates = [
    process.env.SILLAGE_FIXTURES_DIR && path.join(process.env.SILLAGE_FIXTURES_DIR, "recherche-entreprises"),
    path.join(REPO_ROOT, "test/fixtures/recherche-entreprises"),
    path.join(REPO_ROOT, "../shared/fixtures/recherche-entreprises"),
    "/work/shared/fixtures/recherche-entreprises",
  ].filter((p): p is string => !!p);
  return candidates.find((p) => existsSync(p)) ?? candidates[candidates.length - 1]!;
})();

export interface RechercheEntreprisesFixture {
  file: string;
  searchTerms: string;
  /** Filters encoded in the file name, which the request must carry to get this answer. */
  filters: Record<string, string>;
  result: { results: unknown[]; total_results: number; page: number; per_page: number; total_pages: number };
}

/** The API's answer when nothing matches (recorded in search-12345678900003.json). */
export function emptyAnswer(perPage = 10) {
  return { results: [], total_results: 0, page: 1, per_page: perPage, total_pages: 0 };
}

function normalizeQ(q: string): string {
  return q.trim().replace(/\s+/g, " ").toLowerCase();
}

function slug(q: string): string {
  return normalizeQ(q).replace(/ /g, "-");
}

export function loadRechercheEntreprisesFixtures(dir = RECHERCHE_ENTREPRISES_FIXTURES_DIR): RechercheEntreprisesFixture[] {
  return readdirSync(dir)
    .filter((f) => f.startsWith("search-") && f.endsWith(".json"))
    .map((file) => {
      const data = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Pick<RechercheEntreprisesFixture, "searchTerms" | "result">;
      const stem = file.slice("search-".length, -".json".length);
      const qSlug = slug(data.searchTerms);
      const rest = stem.toLowerCase().startsWith(qSlug) ? stem.slice(qSlug.length).replace(/^-/, "") : "";
      const parts = rest ? rest.split("-") : [];
      const filters: Record<string, string> = {};
      for (let i = 0; i + 1 < parts.length; i += 2) filters[parts[i]!] = parts[i + 1]!;
      return { file, searchTerms: data.searchTerms, filters, result: data.result };
    });
}

/** One recorded answer by file name, e.g. loadRechercheEntreprisesFixture("search-552032534.json"). */
export function loadRechercheEntreprisesFixture(file: string): RechercheEntreprisesFixture {
  const found = loadRechercheEntreprisesFixtures().find((f) => f.file === file);
  if (!found) throw new Error(`no fixture ${file} in ${RECHERCHE_ENTREPRISES_FIXTURES_DIR}`);
  return found;
}

export type FakeMode = "ok" | "rate-limited" | "down" | "slow";
export interface FakeModeOptions {
  /** rate-limited: value of the Retry-After header (seconds, or an HTTP date); omitted when null. */
  retryAfter?: number | string | null;
  /** down: status to answer (503 by default). */
  status?: number;
  /** slow: delay before answering, in ms (default 1000). */
  delayMs?: number;
  /** Number of requests the mode applies to before the fake goes back to "ok" (default: until changed). */
  times?: number;
}

export interface ReceivedRequest {
  q: string | null;
  params: Record<string, string>;
  userAgent: string | undefined;
  at: number;
}

export interface RechercheEntreprisesFake {
  /** Base URL, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  close(): Promise<void>;
  setMode(mode: FakeMode, options?: FakeModeOptions): void;
  /**
   * Serves the recorded answer of `file` for the search `q` too. For a name search nobody recorded whose real answer
   * is plain (a company's own name): the test says so where it uses it.
   */
  answerAs(q: string, file: string): void;
  /** Number of requests received so far (all paths, all modes). */
  readonly requests: number;
  readonly received: readonly ReceivedRequest[];
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}

export async function startRechercheEntreprisesFake(options: { fixturesDir?: string } = {}): Promise<RechercheEntreprisesFake> {
  const fixtures = loadRechercheEntreprisesFixtures(options.fixturesDir);
  const byQ = new Map<string, RechercheEntreprisesFixture[]>();
  for (const f of fixtures) {
    const key = normalizeQ(f.searchTerms);
    byQ.set(key, [...(byQ.get(key) ?? []), f]);
  }

  let mode: FakeMode = "ok";
  let modeOptions: FakeModeOptions = {};
  let remaining = Infinity;
  const received: ReceivedRequest[] = [];
  const sockets = new Set<import("node:net").Socket>();

  function answerFor(q: string, params: Record<string, string>) {
    const candidates = byQ.get(normalizeQ(q)) ?? [];
    const specific = candidates
      .filter((f) => Object.keys(f.filters).length > 0)
      .filter((f) => Object.entries(f.filters).every(([k, v]) => params[k]?.toLowerCase() === v.toLowerCase()));
    return specific[0] ?? candidates.find((f) => Object.keys(f.filters).length === 0) ?? null;
  }

  function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://fake.invalid");
    const params = Object.fromEntries(url.searchParams.entries());
    received.push({ q: url.searchParams.get("q"), params, userAgent: req.headers["user-agent"], at: Date.now() });

    let current = mode;
    if (current !== "ok") {
      if (remaining <= 0) current = "ok";
      else remaining -= 1;
    }

    const respond = () => {
      if (current === "rate-limited") {
        const retryAfter = modeOptions.retryAfter === undefined ? 1 : modeOptions.retryAfter;
        const headers: Record<string, string> = retryAfter === null ? {} : { "retry-after": String(retryAfter) };
        return sendJson(res, 429, { erreur: "Trop de requêtes" }, headers);
      }
      if (current === "down") return sendJson(res, modeOptions.status ?? 503, { erreur: "Service indisponible" });
      if (url.pathname !== "/search") return sendJson(res, 404, { erreur: "Not found" });

      const perPage = params.per_page === undefined ? 10 : Number(params.per_page);
      const page = params.page === undefined ? 1 : Number(params.page);
      if (!Number.isInteger(perPage) || perPage < 1 || perPage > 25) {
        return sendJson(res, 400, { erreur: "per_page doit être un entier entre 1 et 25" });
      }
      const q = url.searchParams.get("q");
      if (q === null) return sendJson(res, 400, { erreur: "Veuillez indiquer au moins un paramètre de recherche." });

      const fixture = answerFor(q, params);
      if (!fixture) return sendJson(res, 200, emptyAnswer(perPage));
      // Only page 1 was recorded: later pages are empty, totals unchanged.
      const results = page === 1 ? fixture.result.results.slice(0, perPage) : [];
      const total = fixture.result.total_results;
      return sendJson(res, 200, { ...fixture.result, results, page, per_page: perPage, total_pages: Math.ceil(total / perPage) });
    };

    if (current === "slow") setTimeout(respond, modeOptions.delayMs ?? 1000);
    else respond();
  }

  const server = createServer(handle);
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return received.length;
    },
    received,
    answerAs(q, file) {
      const recorded = fixtures.find((f) => f.file === file);
      if (!recorded) throw new Error(`no fixture ${file}`);
      byQ.set(normalizeQ(q), [{ ...recorded, searchTerms: q, filters: {} }]);
    },
    setMode(next, opts = {}) {
      mode = next;
      modeOptions = opts;
      remaining = opts.times ?? Infinity;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Slow-mode requests may still be pending: drop their sockets so close() does not hang.
        for (const s of sockets) s.destroy();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
