import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { firmographicsSchema } from "../firmographics/record";
import { createPappersProvider, firmographicsFromPappers } from "./pappers";
import { isProviderError } from "./types";

/**
 * Bodies in the shape of Pappers' published OpenAPI description, filled with Danone's public data as
 * recorded from the government API (so both providers should agree).
 */
const danoneFiche = {
  siren: "552032534",
  nom_entreprise: "DANONE",
  personne_morale: true,
  denomination: "DANONE",
  sigle: null,
  code_naf: "70.10Z",
  libelle_code_naf: "Activités des sièges sociaux",
  date_creation: "1955-01-01",
  entreprise_cessee: false,
  date_cessation: null,
  categorie_juridique: "5599",
  forme_juridique: "SA à conseil d'administration",
  effectif: "Entre 1 000 et 1 999 salariés",
  tranche_effectif: "42",
  annee_effectif: 2023,
  diffusable: true,
  numero_tva_intracommunautaire: "FR27552032534",
  siege: {
    siret: "55203253400703",
    code_postal: "75009",
    ville: "PARIS",
    pays: "France",
    code_pays: "FR",
    adresse_ligne_1: "59-61 RUE LA FAYETTE",
    adresse_ligne_2: null,
    etablissement_cesse: false,
  },
  finances: [
    { annee: 2023, chiffre_affaires: null, resultat: null },
    { annee: 2024, chiffre_affaires: 27376000000, resultat: 0 },
  ],
  etablissements: [{ etablissement_cesse: false }, { etablissement_cesse: true }],
};

let server: Server;
let baseUrl: string;
const seen: { url: string; apiKey: string | undefined }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    seen.push({ url: req.url ?? "", apiKey: req.headers["api-key"] as string | undefined });
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.headers["api-key"] !== "test-key") return send(401, { error: "Clé API invalide" });
    if (url.pathname === "/v2/entreprise") {
      return url.searchParams.get("siren") === "552032534" || url.searchParams.get("siret") === "55203253400703"
        ? send(200, danoneFiche)
        : send(404, { error: "Entreprise non trouvée" });
    }
    if (url.pathname === "/v2/recherche") {
      const { finances: _f, etablissements: _e, ...summary } = danoneFiche;
      return send(200, {
        resultats: [{ ...summary, chiffre_affaires: 27376000000, resultat: 0, annee_finances: "2024" }],
        total: 1,
        page: 1,
      });
    }
    send(404, {});
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("pappers provider", () => {
  it("maps a company fiche like the government API does", () => {
    const record = firmographicsFromPappers(danoneFiche)!;
    expect(firmographicsSchema.safeParse(record).success).toBe(true);
    expect(record).toMatchObject({
      source: "pappers",
      siren: "552032534",
      name: "DANONE",
      headOfficeSiret: "55203253400703",
      legalFormCode: "5599",
      nafCode: "70.10Z",
      nafSection: "M",
      headcountCode: "42",
      headcountMin: 1000,
      revenue: 27376000000,
      financesYear: 2024, // the latest year, whatever the array order
      address: "59-61 RUE LA FAYETTE 75009 PARIS",
      departementCode: "75",
      regionName: "Île-de-France",
      vatNumber: "FR27552032534",
      active: true,
      establishmentCount: 2,
      openEstablishmentCount: 1,
    });
  });

  it("names sole traders by first and last name and marks ceased companies", () => {
    const record = firmographicsFromPappers({
      siren: "883010316",
      personne_morale: false,
      nom: "DUBIGNY",
      prenom: "RAPHAEL",
      nom_entreprise: "RAPHAEL DUBIGNY",
      categorie_juridique: "1000",
      entreprise_cessee: true,
      date_cessation: "2020-09-01",
    });
    expect(record).toMatchObject({ name: "RAPHAEL DUBIGNY", active: false, ceasedOn: "2020-09-01", legalFormLabel: "Entrepreneur individuel" });
  });

  it("looks up by SIREN with the key in a header, not the URL", async () => {
    const p = createPappersProvider({ apiKey: "test-key", baseUrl });
    expect((await p.bySiren("552032534"))?.name).toBe("DANONE");
    expect(seen.at(-1)).toMatchObject({ apiKey: "test-key" });
    expect(seen.at(-1)!.url).not.toContain("test-key");
    expect(await p.bySiren("443061841")).toBeNull(); // valid but unknown here: 404
  });

  it("searches by name and by SIRET", async () => {
    const p = createPappersProvider({ apiKey: "test-key", baseUrl });
    const byName = await p.search({ q: "Danone", perPage: 5 });
    expect(byName).toMatchObject({ totalResults: 1 });
    expect(byName.candidates[0]).toMatchObject({ siren: "552032534", revenue: 27376000000, financesYear: 2024 });
    expect(seen.at(-1)!.url).toContain("par_page=5");
    expect((await p.search({ q: "552 032 534 00703" })).candidates.map((c) => c.siren)).toEqual(["552032534"]);
  });

  it("reports a wrong key as unauthorized", async () => {
    const p = createPappersProvider({ apiKey: "wrong", baseUrl });
    const error = await p.bySiren("552032534").catch((e) => e);
    expect(isProviderError(error) && error.code).toBe("unauthorized");
    expect(error.retryable).toBe(false);
  });
});
