import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { getPlatformProxy, unstable_readConfig } from "wrangler";

/** Repository root (this file is worker/scripts/local-d1.ts). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const WRANGLER_CONFIG = path.join(REPO_ROOT, "wrangler.toml");

/**
 * `wrangler dev --persist-to DIR` keeps its state in DIR/v3 and defaults DIR to `.wrangler/state` next to
 * wrangler.toml; getPlatformProxy wants the v3 directory itself (its default, `.wrangler/state/v3`, is relative
 * to the current directory, which is why we always pass an absolute path). Same directory → same D1 file.
 */
export function persistPathFor(persistTo?: string): string {
  const base = persistTo ? path.resolve(process.cwd(), persistTo) : path.join(REPO_ROOT, ".wrangler/state");
  return path.join(base, "v3");
}

export interface LocalD1 {
  db: D1Database;
  persistPath: string;
  dispose(): Promise<void>;
}

/**
 * A configuration with wrangler.toml's `DB` binding alone. The full one names the worker's Durable Object, which a
 * proxy without the worker's code cannot run: workerd then warns about it on every import, for nothing.
 */
function d1OnlyConfig(): string {
  const config = unstable_readConfig({ config: WRANGLER_CONFIG });
  const db = config.d1_databases.find((d: { binding: string }) => d.binding === "DB");
  if (!db) throw new Error(`no DB binding in ${WRANGLER_CONFIG}`);
  const dir = mkdtempSync(path.join(tmpdir(), "sillage-d1-config-"));
  const file = path.join(dir, "wrangler.json");
  writeFileSync(file, JSON.stringify({ name: config.name, compatibility_date: config.compatibility_date, d1_databases: [db] }));
  return file;
}

/** The `DB` binding of wrangler.toml, on the local SQLite-backed D1 that `wrangler dev` would use. */
export async function openLocalD1(persistTo?: string): Promise<LocalD1> {
  const persistPath = persistPathFor(persistTo);
  const configPath = d1OnlyConfig();
  const proxy = await getPlatformProxy<{ DB: D1Database }>({ configPath, persist: { path: persistPath } });
  return {
    db: proxy.env.DB,
    persistPath,
    dispose: async () => {
      await proxy.dispose();
      rmSync(path.dirname(configPath), { recursive: true, force: true });
    },
  };
}

/**
 * miniflare's synchronous proxy channel (used for `db.prepare`/`bind` through getPlatformProxy) can fall out of step
 * under load: it then fails every call with this assertion until the proxy is disposed and reopened.
 */
export function isProxyDesync(error: unknown): boolean {
  return error instanceof Error && (error as { code?: string }).code === "ERR_ASSERTION" && /SynchronousFetcher|fetch-sync/.test(error.stack ?? "");
}

/** Sizes of the local D1 database files under a v3 persist directory (the WAL is folded in at checkpoint). */
export function localD1Size(persistPath: string): { database: number; wal: number } {
  const size = { database: 0, wal: 0 };
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.startsWith("metadata.")) continue;
      else if (e.name.endsWith(".sqlite")) size.database += statSync(p).size;
      else if (e.name.endsWith(".sqlite-wal")) size.wal += statSync(p).size;
    }
  };
  walk(path.join(persistPath, "d1"));
  return size;
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
}
