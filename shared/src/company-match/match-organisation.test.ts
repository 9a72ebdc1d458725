import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRechercheEntreprisesFake, type RechercheEntreprisesFake } from "../../../test/fakes/recherche-entreprises";
import type { Firmographics } from "../firmographics/record";
import { createRechercheEntreprisesProvider } from "../providers/recherche-entreprises";
import type { FirmographicsProvider, SearchQuery } from "../providers/types";
import { matchOrganisation } from "./match-organisation";

let fake: RechercheEntreprisesFake;
let api: FirmographicsProvider;
beforeAll(async () => {
  fake = await startRechercheEntreprisesFake();
  api = createRechercheEntreprisesProvider({ baseUrl: fake.url, ratePerSecond: 1000 });
});
afterAll(() => fake.close());

describe("matchOrganisation against the recorded API", () => {
  it("abstains on a homonym-heavy name, after one search", async () => {
    const before = fake.requests;
    const m = await matchOrganisation(api, { name: "GANYMEDE SAS", context: "network" });
    expect(m).toMatchObject({ status: "no_match", reason: "ambiguous", siren: null, provider: "recherche-entreprises", queries: ["ganymede"] });
    expect(fake.requests - before).toBe(1);
    expect(fake.received.at(-1)!.params.per_page).toBe("25");
  });

  it("uses an explicit SIREN with a direct look-up", async () => {
    const m = await matchOrganisation(api, { name: "Ganymede", hints: { siren: "423208180" } });
    expect(m).toMatchObject({ status: "matched", siren: "423208180", reason: "exact_siren", queries: ["siren:423208180"] });
  });

  it("falls back to a name search when the explicit SIREN does not exist", async () => {
    const m = await matchOrganisation(api, { name: "Ganymede", hints: { siren: "123456789" } });
    expect(m.queries).toEqual(["ganymede"]); // 123456789 is not a valid SIREN: no look-up spent on it
    expect(m.status).toBe("no_match");
  });

  it("does not search for an empty name", async () => {
    const before = fake.requests;
    const m = await matchOrganisation(api, { name: " - " });
    expect(m).toMatchObject({ status: "no_match", reason: "empty_name", queries: [] });
    expect(fake.requests).toBe(before);
  });

  it("lets provider errors through for the caller's queue", async () => {
    fake.setMode("down");
    try {
      await expect(matchOrganisation(api, { name: "aga" })).rejects.toMatchObject({ code: "unavailable" });
    } finally {
      fake.setMode("ok");
    }
  });
});

describe("matchOrganisation search strategy", () => {
  /** A provider answering from a table, to observe which searches are made. */
  function tableProvider(table: Record<string, Firmographics[]>): FirmographicsProvider & { queries: string[] } {
    const queries: string[] = [];
    return {
      id: "sirene-local",
      queries,
      async search(q: SearchQuery) {
        queries.push(q.q);
        const candidates = table[q.q] ?? [];
        return { candidates, totalResults: candidates.length, page: 1, perPage: 25 };
      },
      async bySiren() {
        return null;
      },
    };
  }

  it("retries without generic words only when the first search found no name match", async () => {
    const laPoste = (await api.bySiren("356000000"))!;
    const p = tableProvider({ "groupe la poste": [], "la poste": [laPoste] });
    const m = await matchOrganisation(p, { name: "Groupe La Poste" });
    expect(p.queries).toEqual(["groupe la poste", "la poste"]);
    expect(m).toMatchObject({ status: "matched", siren: "356000000" });

    const q = tableProvider({ "groupe la poste": [laPoste] });
    await matchOrganisation(q, { name: "Groupe La Poste" });
    expect(q.queries).toEqual(["groupe la poste"]);
  });
});
