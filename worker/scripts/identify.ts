/**
 * `npm run identify -- IP [--workspace ID] [--persist-to DIR]`
 *
 * Prints what Sillage knows of an IP address — network, kind, company — as JSON, through the very code path of
 * the enrichment queue and `GET /api/v1/identify`, against the local D1 (`npm start` fills it). The register
 * API is reached at RECHERCHE_ENTREPRISES_URL when set.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { identifyIp, InvalidIpError } from "../src/identify/identify-ip";
import { providerChain } from "../src/identify/providers";
import type { Env } from "../src/env";
import { openLocalD1 } from "./local-d1";

async function main(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { workspace: { type: "string", default: "ws_demo" }, "persist-to": { type: "string" } },
  });
  const ip = positionals[0];
  if (!ip) throw new Error("usage: npm run identify -- IP [--workspace ID] [--persist-to DIR]");
  const { db, dispose } = await openLocalD1(values["persist-to"]);
  try {
    const ws = await db.prepare("SELECT provider_chain AS chain FROM workspaces WHERE id = ?").bind(values.workspace).first<{ chain: string | null }>();
    if (!ws) throw new Error(`no workspace ${values.workspace} in the local database (run npm start once, or pass --workspace)`);
    const env = { DB: db, RECHERCHE_ENTREPRISES_URL: process.env.RECHERCHE_ENTREPRISES_URL } as Env;
    const result = await identifyIp({
      db,
      providers: providerChain(env, ws.chain ? (JSON.parse(ws.chain) as string[]) : null),
      workspaceId: values.workspace!,
      ip,
      now: Date.now(),
    });
    console.log(JSON.stringify(result, null, 2));
  } catch (err) {
    if (err instanceof InvalidIpError) {
      console.error(`✖ ${err.message}`);
      process.exitCode = 2;
      return;
    }
    throw err;
  } finally {
    await dispose();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(`✖ ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
