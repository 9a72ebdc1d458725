import { DEFAULT_MODEL } from "@sillage/shared/scoring/default-model";
import { assertModel } from "@sillage/shared/scoring/parse-model";
import type { Model } from "@sillage/shared/scoring/model-schema";

const CACHE_TTL_MS = 30_000;
const cache = new Map<string, { model: Model; at: number }>();

/**
 * The workspace's active scoring model: its highest saved version, or the seed model when it never saved one.
 * Cached per isolate for a few seconds because every enriched hit needs it; `fresh` reads it from D1 whatever
 * the cache holds (model changes and rescoring jobs, which may run in another isolate than the change).
 */
export async function loadActiveModel(db: D1Database, workspaceId: string, opts: { fresh?: boolean } = {}): Promise<Model> {
  // The cache's clock is the real one, whatever time the caller reasons about.
  const now = Date.now();
  const hit = cache.get(workspaceId);
  if (!opts.fresh && hit && now - hit.at < CACHE_TTL_MS) return hit.model;
  const row = await db
    .prepare("SELECT document FROM scoring_models WHERE workspace_id = ? ORDER BY version DESC LIMIT 1")
    .bind(workspaceId)
    .first<{ document: string }>();
  const model = row ? assertModel(JSON.parse(row.document)) : DEFAULT_MODEL;
  cache.set(workspaceId, { model, at: now });
  return model;
}

/** After a model change in this isolate, read it again at once. */
export function forgetActiveModel(workspaceId: string) {
  cache.delete(workspaceId);
}

/** Saves a new version of the workspace's model; it is the active one from now on (in this isolate at once). */
export async function saveModel(db: D1Database, workspaceId: string, model: Model, now: number, createdBy: string): Promise<void> {
  await db
    .prepare("INSERT INTO scoring_models (workspace_id, version, document, created_at, created_by) VALUES (?, ?, ?, ?, ?)")
    .bind(workspaceId, model.version, JSON.stringify(model), now, createdBy)
    .run();
  forgetActiveModel(workspaceId);
}
