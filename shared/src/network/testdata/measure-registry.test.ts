import { beforeAll, describe, expect, it } from "vitest";
import { loadAsnData, type AsnData } from "./asn-csv";
import { LABELLED_SETS, RANDOM_FRENCH_SAMPLE } from "./asn-labels";
import { runPipeline, summarize } from "./measure-registry";
import { HANDWRITTEN_REGISTRY_ANSWERS, handSiren, handwrittenSearchBody } from "./registry-answers.handwritten";

/**
 * The registry stage on labelled real networks, with the register's answers hand-written in the API's shape (no
 * recorded answer matches these names): the decision registry-kind.ts makes with the shipped thresholds.
 */
describe("registry stage on labelled networks (hand-written register answers)", () => {
  let data: AsnData;
  beforeAll(async () => {
    data = await loadAsnData();
  }, 120_000);

  const answered = LABELLED_SETS.map(({ name, labels }) => [name, labels] as const);

  it.each(answered)("%s: every network sent to the register has an answer, and it adds no false corporate", async (_name, labels) => {
    const out = await runPipeline(labels, data, HANDWRITTEN_REGISTRY_ANSWERS);
    expect(out.filter((o) => o.register === "no answer at hand").map((o) => o.organization)).toEqual([]);
    expect(summarize(out).falseCorporate.map((o) => o.organization)).toEqual([]);
    for (const o of out.filter((x) => x.by === "registry")) expect([o.label.kind, ...(o.label.alt ?? [])], o.organization).toContain(o.kind);
  });

  it("finds the French companies of the tuned French sample that lists and names miss", async () => {
    const out = await runPipeline(RANDOM_FRENCH_SAMPLE, data, HANDWRITTEN_REGISTRY_ANSWERS);
    const byRegistry = out.filter((o) => o.by === "registry" && o.kind === "corporate").map((o) => o.organization);
    expect(byRegistry).toEqual(expect.arrayContaining(["ELKEM SILICONES France SAS", "OCV CHAMBERY INTERNATIONAL SAS", "IMA PROTECT SAS"]));
  });

  it("a looser confidence bar (0.5) would name small hosts registered as IT consultancies: the 0.75 bar is what stops them", async () => {
    const loose = await runPipeline(RANDOM_FRENCH_SAMPLE, data, HANDWRITTEN_REGISTRY_ANSWERS, { minSimilarity: 0.9, matchThreshold: 0.5 });
    expect(summarize(loose).falseCorporate.map((o) => o.organization)).toEqual(["SPLIO SAS", "Quant House SAS"]);
  });

  it("builds answers in the API's shape with valid, recognisably invented SIRENs", () => {
    const body = handwrittenSearchBody(50123, HANDWRITTEN_REGISTRY_ANSWERS[50123]!);
    expect(body).toMatchObject({ total_results: 1, page: 1, per_page: 25, total_pages: 1 });
    expect(body.results[0]).toMatchObject({ nom_complet: "ELKEM SILICONES FRANCE", activite_principale: "20.16Z", etat_administratif: "A" });
    expect(handSiren(1)).toMatch(/^99\d{7}$/);
  });
});
