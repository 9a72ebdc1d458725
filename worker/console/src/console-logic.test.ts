import { describe, expect, it } from "vitest";
import { compareToReference, REFERENCES } from "./references";
import { filtersFromSearch, leadsCsv, listParams, searchFromFilters } from "./leads-view";
import { describeCondition, ruleFromTemplate } from "./scoring-rules";
import { parseHostnames, snippetFor } from "./snippet";
import { DEFAULT_MODEL_INPUT } from "@sillage/shared/scoring/default-model";
import { parseModel } from "@sillage/shared/scoring/parse-model";

describe("snippet", () => {
  it("is the README's snippet with this deployment's origin and the site's key", () => {
    const s = snippetFor("https://sillage.example.workers.dev/", "pk_abc123");
    expect(s.split("\n")).toEqual([
      `<script>window.sillage=window.sillage||function(){(sillage.q=sillage.q||[]).push(arguments)}</script>`,
      `<script async src="https://sillage.example.workers.dev/t.js" data-site="pk_abc123"></script>`,
      `<noscript><img src="https://sillage.example.workers.dev/p.gif?site=pk_abc123" alt="" width="1" height="1"></noscript>`,
    ]);
  });
  it("reads hostnames typed one per line or separated by commas", () => {
    expect(parseHostnames(" www.acme.fr\n*.acme.fr, blog.acme.fr\n\n")).toEqual(["www.acme.fr", "*.acme.fr", "blog.acme.fr"]);
  });
});

describe("leads view", () => {
  it("keeps the filters in the URL and turns them into the API's parameters", () => {
    const f = filtersFromSearch(new URLSearchParams("status=mql&minScore=50&naf=62&junk=1&lastSeenFrom=2026-11-01"));
    expect(searchFromFilters(f)).toBe("?status=mql&minScore=50&naf=62&lastSeenFrom=2026-11-01");
    expect(listParams(f, "c1")).toMatchObject({
      status: "mql",
      minScore: 50,
      naf: "62",
      lastSeenFrom: "2026-11-01T00:00:00.000Z",
      sort: "score",
      cursor: "c1",
    });
    expect(listParams({ minScore: "abc" }).minScore).toBeUndefined();
  });
  it("exports a CSV Excel (FR) opens, with formulas neutralised", () => {
    const csv = leadsCsv(
      [
        {
          id: "l1",
          name: "=HYPERLINK(1)",
          siren: "552032534",
          city: "Paris; 8e",
          headcountLabel: null,
          nafLabel: null,
          status: "mql",
          score: 71.6,
          sla: null,
          lastSeenAt: "2026-11-02T10:00:00.000Z",
        },
      ],
      ["Entreprise", "SIREN", "Ville", "Effectif", "NAF", "Statut", "Score", "Vu", "SLA"],
    );
    expect(csv.startsWith("\uFEFFEntreprise;SIREN;")).toBe(true);
    expect(csv.split("\r\n")[1]).toBe(`'=HYPERLINK(1);552032534;"Paris; 8e";;;mql;72;2026-11-02T10:00:00.000Z;`);
  });
});

describe("dashboard references", () => {
  it("places a rate against the seeds' ranges", () => {
    expect(compareToReference(0.1, REFERENCES.leadToMql)).toBe("below");
    expect(compareToReference(0.2, REFERENCES.leadToMql)).toBe("inRange");
    expect(compareToReference(0.3, REFERENCES.leadToMql)).toBe("above");
    expect(compareToReference(null, REFERENCES.mqlToSql)).toBe("na");
  });
});

describe("scoring rules", () => {
  it("describes conditions in words", () => {
    expect(describeCondition({ path: ["/tarifs*", "/pricing*"] }, "fr")).toBe("Page /tarifs*, /pricing*");
    expect(describeCondition({ event: { name: "download", props: { asset: "livre-blanc*" } } }, "fr")).toBe("Événement download (asset = livre-blanc*)");
    expect(describeCondition({ persona: "it_director" }, "en")).toBe("Job : Directeur informatique (DSI)");
    expect(describeCondition({ all: [{ headcount: { gte: 50 } }, { naf: { sections: ["J"] } }] }, "fr")).toBe("toutes (Effectif ≥ 50 ; NAF section J)");
    expect(describeCondition({ region: ["11"] }, "fr")).toBe("Région Île-de-France");
  });

  it("makes rules from templates that the model validation accepts, with unique ids", () => {
    const taken = DEFAULT_MODEL_INPUT.rules.map((r) => r.id);
    const rules = [
      ruleFromTemplate("page", "/demo/cas-client*", "Cas client", 30, taken),
      ruleFromTemplate("event", "demo_request", "", 40, taken),
      ruleFromTemplate("persona", "cto", "CTO", 20, taken),
      ruleFromTemplate("headcount", "250", "ETI", 10, taken),
      ruleFromTemplate("naf", "J", "Numérique", 10, taken),
      ruleFromTemplate("naf", "62", "Informatique", 5, taken),
      ruleFromTemplate("region", "11", "Île-de-France", 5, taken),
    ];
    const parsed = parseModel({ ...DEFAULT_MODEL_INPUT, version: 2, rules: [...DEFAULT_MODEL_INPUT.rules, ...rules] });
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    expect(rules[1]).toMatchObject({ id: "event-demo_request", label: "demo_request", when: { event: "demo_request" }, decay: { expireAfterDays: 90 } });
    expect(ruleFromTemplate("page", "/tarifs*", "", 5, ["page-tarifs"]).id).toBe("page-tarifs-2");
  });
});
