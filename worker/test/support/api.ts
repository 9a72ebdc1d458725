import { env } from "cloudflare:workers";
import { worker } from "./fixtures";

type Json = Record<string, any>;

/** One `/api/v1` call with a Bearer key, as a client sends it: status, JSON body and headers. */
export async function apiCall(key: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: Json; headers: Headers }> {
  const res = await worker.fetch(
    new Request(`https://api.sillage.test/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${key}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  return { status: res.status, body: (await res.json()) as Json, headers: res.headers };
}

/** Every row of every table that mentions `needle` (any column, as text, any case). */
export async function rowsMentioning(needle: string): Promise<Array<{ table: string; row: Json }>> {
  const { results: tables } = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name != 'd1_migrations'",
  ).all<{ name: string }>();
  const found: Array<{ table: string; row: Json }> = [];
  for (const { name } of tables) {
    const { results: cols } = await env.DB.prepare("SELECT name FROM pragma_table_info(?)").bind(name).all<{ name: string }>();
    const where = cols.map((c) => `instr(lower(cast("${c.name}" AS TEXT)), ?1) > 0`).join(" OR ");
    const { results } = await env.DB.prepare(`SELECT * FROM "${name}" WHERE ${where}`).bind(needle.toLowerCase()).all<Json>();
    for (const row of results) found.push({ table: name, row });
  }
  return found;
}
