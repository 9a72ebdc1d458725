import { describe, expect, it } from "vitest";
import { getJson, parseRetryAfter, type HttpPolicy } from "./http-json";
import { isProviderError } from "./types";

/** A fetch that answers from a list, so status handling is tested without any server. */
function scripted(...answers: { status: number; body?: string; headers?: Record<string, string> }[]): typeof fetch {
  let i = 0;
  return (async () => {
    const a = answers[Math.min(i++, answers.length - 1)]!;
    return new Response(a.body ?? "", { status: a.status, headers: a.headers });
  }) as typeof fetch;
}

const policy = (fetchImpl: typeof fetch, extra: Partial<HttpPolicy> = {}): HttpPolicy => ({
  provider: "recherche-entreprises",
  timeoutMs: 1000,
  maxRetries: 2,
  maxRetryWaitMs: 5000,
  fetch: fetchImpl,
  sleep: async () => {},
  ...extra,
});

async function codeOf(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (err) => err,
  );
  return isProviderError(e) ? e.code : e;
}

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("3")).toBe(3000);
    expect(parseRetryAfter("0")).toBe(0);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:01:00 GMT", Date.parse("Thu, 01 Jan 2026 00:00:00 GMT"))).toBe(60_000);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:00 GMT", Date.parse("Thu, 01 Jan 2026 00:01:00 GMT"))).toBe(0);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter("soon")).toBeNull();
  });
});

describe("getJson status handling", () => {
  it("maps statuses to typed errors", async () => {
    expect(await codeOf(getJson("http://x", {}, policy(scripted({ status: 400, body: '{"erreur":"bad"}' }))))).toBe("bad_request");
    expect(await codeOf(getJson("http://x", {}, policy(scripted({ status: 401 }))))).toBe("unauthorized");
    expect(await codeOf(getJson("http://x", {}, policy(scripted({ status: 502, body: "<html>" }))))).toBe("unavailable");
    expect(await codeOf(getJson("http://x", {}, policy(scripted({ status: 200, body: "<html>" }))))).toBe("invalid_response");
  });

  it("returns 404 to the caller, which decides what 'not found' means", async () => {
    expect(await getJson("http://x", {}, policy(scripted({ status: 404, body: "Not found" })))).toEqual({ status: 404, body: undefined });
  });

  it("waits the Retry-After it was given, then the default when the header is missing", async () => {
    const waits: number[] = [];
    const result = await getJson(
      "http://x",
      {},
      policy(scripted({ status: 429, headers: { "retry-after": "2" } }, { status: 429 }, { status: 200, body: "{}" }), {
        sleep: async (ms) => {
          waits.push(ms);
        },
        defaultRetryAfterMs: 700,
      }),
    );
    expect(result.status).toBe(200);
    expect(waits).toEqual([2000, 700]);
  });
});
