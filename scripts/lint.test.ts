import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cycles } from "./import-cycles";

const root = path.resolve(import.meta.dirname, "..");
const biome = path.join(root, "node_modules", ".bin", "biome");

/**
 * Biome's diagnostics for `source` as the file at `filePath`, with the project's configuration (its overrides
 * apply by path). Linted in a scratch copy so that no test file ever appears in the working tree.
 */
function lint(filePath: string, source: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "sillage-lint-"));
  try {
    const config = JSON.parse(readFileSync(path.join(root, "biome.json"), "utf8"));
    delete config.$schema;
    config.vcs = { enabled: false };
    writeFileSync(path.join(dir, "biome.json"), JSON.stringify(config));
    cpSync(path.join(root, "scripts/lint"), path.join(dir, "scripts/lint"), { recursive: true });
    mkdirSync(path.dirname(path.join(dir, filePath)), { recursive: true });
    writeFileSync(path.join(dir, filePath), source);
    const res = spawnSync(biome, ["lint", "--max-diagnostics=none", filePath], { cwd: dir, encoding: "utf8" });
    return `${res.stdout}\n${res.stderr}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("npm run lint keeps queries out of routes", () => {
  const route = `import { createRoute } from "@hono/zod-openapi";
export async function handler(db: D1Database, id: string) {
  return db.prepare("SELECT id FROM leads WHERE id = ?").bind(id).first();
}
export const summary = "Select a plan from the list, then update your settings";
`;

  it("rejects drizzle-orm and the database client in worker/src/routes", () => {
    const out = lint(
      "worker/src/routes/example.ts",
      `import { eq } from "drizzle-orm";\nimport { getDb } from "../db/client";\nexport const x = [eq, getDb];\n`,
    );
    expect(out.match(/lint\/style\/noRestrictedImports/g)?.length).toBe(2);
  });

  it("rejects D1 calls and SQL text in worker/src/routes, not prose", () => {
    const out = lint("worker/src/routes/example.ts", route);
    expect(out).toContain("SQL belongs in a store");
    // Two findings: the prepare() call and its SQL string; the English summary is not SQL.
    expect(out.match(/ plugin ━/g)?.length).toBe(2);
  });

  it("allows the same code in a store", () => {
    expect(lint("worker/src/leads/example-store.ts", route)).not.toContain("SQL belongs in a store");
  });
});

describe("import cycle finder", () => {
  const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges).map(([k, v]) => [k, new Set(v)]));

  it("finds a three-file circle and a self-import, and nothing in a tree", () => {
    expect(cycles(graph({ a: ["b"], b: ["c"], c: ["a"], d: ["a"] }))).toEqual([["a", "b", "c"]]);
    expect(cycles(graph({ a: ["a"] }))).toEqual([["a"]]);
    expect(cycles(graph({ a: ["b", "c"], b: ["c"], c: [] }))).toEqual([]);
  });
});
