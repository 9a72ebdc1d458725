import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startRechercheEntreprisesFake, type RechercheEntreprisesFake } from "../../../test/fakes/recherche-entreprises";
import { createTokenBucket } from "./rate-limiter";
import { createRechercheEntreprisesProvider, type RechercheEntreprisesOptions } from "./recherche-entreprises";
import { isProviderError, type ProviderError } from "./types";

let fake: RechercheEntreprisesFake;
beforeAll(async () => {
  fake = await startRechercheEntreprisesFake();
});
afterAll(() => fake.close());
afterEach(() => fake.setMode("ok"));

// A fast limiter by default so that tests not about rate limiting stay quick.
const provider = (opts: RechercheEntreprisesOptions = {}) =>
  createRechercheEntreprisesProvider({ baseUrl: fake.url, ratePerSecond: 1000, userAgent: "sillage-test/1", ...opts });

async function caught(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (error) {
    if (isProviderError(error)) return error;
    throw error;
  }
  throw new Error("expected a ProviderError");
}

describe("recherche-entreprises provider", () => {
  it("searches by name and maps every result", async () => {
    const before = fake.requests;
    const result = await provider().search({ q: "Ganymede", perPage: 25 });
    expect(fake.requests - before).toBe(1);
    expect(result.totalResults).toBe(116);
    expect(result.candidates).toHaveLength(10);
    expect(result.candidates.every((c) => c.name === "GANYMEDE")).toBe(true);
    const sent = fake.received.at(-1)!;
    expect(sent.params).toMatchObject({ q: "Ganymede", per_page: "25", page: "1" });
    expect(sent.userAgent).toBe("sillage-test/1");
  });

  it("never asks for more than 25 results per page", async () => {
    await provider().search({ q: "aga", perPage: 100 });
    expect(fake.received.at(-1)!.params.per_page).toBe("25");
  });

  it("looks up a SIREN directly", async () => {
    const danone = await provider().bySiren("552 032 534");
    expect(danone).toMatchObject({ siren: "552032534", name: "DANONE", vatNumber: "FR27552032534", headcountCode: "42" });
  });

  it("looks up a SIRET directly through search", async () => {
    const result = await provider().search({ q: "48744469700428" });
    expect(result.candidates.map((c) => c.siren)).toEqual(["487444697"]);
  });

  it("returns null for unknown identifiers", async () => {
    const p = provider();
    const before = fake.requests;
    // Not Luhn-valid: answered without a request.
    expect(await p.bySiren("123456789")).toBeNull();
    expect(fake.requests).toBe(before);
    // The API's real answers for an unknown SIREN (a stub) and SIRET (empty) both map to nothing.
    expect((await p.search({ q: "123456789" })).candidates).toEqual([]);
    expect((await p.search({ q: "12345678900003" })).candidates).toEqual([]);
    expect(await p.search({ q: "no such company anywhere" })).toMatchObject({ candidates: [], totalResults: 0 });
  });

  it("passes filters with the API's parameter names", async () => {
    await provider().search({ q: "Ganymede", filters: { departement: "75", postalCode: "75014", state: "A" } });
    expect(fake.received.at(-1)!.params).toMatchObject({ departement: "75", code_postal: "75014", etat_administratif: "A" });
  });

  it("holds all requests of one instance to 7 per second", async () => {
    const p = createRechercheEntreprisesProvider({ baseUrl: fake.url });
    const before = fake.requests;
    const start = Date.now();
    await Promise.all([...Array(10).keys()].map(() => p.search({ q: "aga" })));
    const elapsed = Date.now() - start;
    expect(fake.requests - before).toBe(10);
    // 10 evenly spaced requests at 7/s: the last starts 9/7 s after the first.
    expect(elapsed).toBeGreaterThanOrEqual((9 * 1000) / 7 - 30);
    const times = fake.received.slice(-10).map((r) => r.at);
    for (const t of times) expect(times.filter((u) => u >= t && u < t + 1000).length).toBeLessThanOrEqual(8);
  });

  it("retries after Retry-After on 429, then succeeds", async () => {
    fake.setMode("rate-limited", { retryAfter: 1, times: 1 });
    const before = fake.requests;
    const start = Date.now();
    const danone = await provider().bySiren("552032534");
    expect(danone?.name).toBe("DANONE");
    expect(fake.requests - before).toBe(2);
    expect(Date.now() - start).toBeGreaterThanOrEqual(950);
  });

  it("gives up after the allowed retries with a rate_limited error carrying Retry-After", async () => {
    fake.setMode("rate-limited", { retryAfter: 0 });
    const before = fake.requests;
    const error = await caught(provider({ maxRetries: 2 }).search({ q: "aga" }));
    expect(error).toMatchObject({ code: "rate_limited", status: 429, retryable: true, provider: "recherche-entreprises" });
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(fake.requests - before).toBe(3);
  });

  it("does not sleep through a long Retry-After: hands it to the caller's queue", async () => {
    fake.setMode("rate-limited", { retryAfter: 120 });
    const before = fake.requests;
    const start = Date.now();
    const error = await caught(provider().search({ q: "aga" }));
    expect(error).toMatchObject({ code: "rate_limited", retryAfterSeconds: 120 });
    expect(fake.requests - before).toBe(1);
    expect(Date.now() - start).toBeLessThan(1000);
  });

  it("accepts Retry-After as an HTTP date", async () => {
    fake.setMode("rate-limited", { retryAfter: new Date(Date.now() + 60_000).toUTCString() });
    const error = await caught(provider().search({ q: "aga" }));
    expect(error.code).toBe("rate_limited");
    expect(error.retryAfterSeconds).toBeGreaterThan(50);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(61);
  });

  it("times out slow answers with a typed error", async () => {
    fake.setMode("slow", { delayMs: 2000 });
    const start = Date.now();
    const error = await caught(provider({ timeoutMs: 200 }).search({ q: "aga" }));
    expect(error).toMatchObject({ code: "timeout", retryable: true });
    expect(Date.now() - start).toBeLessThan(1500);
  });

  it("reports 5xx as unavailable, without retrying", async () => {
    fake.setMode("down");
    const before = fake.requests;
    const error = await caught(provider().search({ q: "aga" }));
    expect(error).toMatchObject({ code: "unavailable", status: 503, retryable: true });
    expect(fake.requests - before).toBe(1);
  });

  it("reports an unreachable server as unavailable", async () => {
    const closed = await startRechercheEntreprisesFake();
    await closed.close();
    const error = await caught(createRechercheEntreprisesProvider({ baseUrl: closed.url }).search({ q: "aga" }));
    expect(error).toMatchObject({ code: "unavailable" });
  });

  it("lets the caller cancel, with the caller's reason", async () => {
    fake.setMode("slow", { delayMs: 2000 });
    const controller = new AbortController();
    const pending = provider().search({ q: "aga", signal: controller.signal });
    setTimeout(() => controller.abort(new Error("shutting down")), 50);
    await expect(pending).rejects.toThrow("shutting down");
  });

  it("shares one limiter between instances when asked", async () => {
    const limiter = createTokenBucket({ ratePerSecond: 5 });
    const a = createRechercheEntreprisesProvider({ baseUrl: fake.url, limiter });
    const b = createRechercheEntreprisesProvider({ baseUrl: fake.url, limiter });
    const start = Date.now();
    await Promise.all([a.search({ q: "aga" }), b.search({ q: "aga" }), a.search({ q: "aga" })]);
    expect(Date.now() - start).toBeGreaterThanOrEqual(2 * 200 - 30);
  });
});
