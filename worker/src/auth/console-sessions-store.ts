import { sha256Hex } from "@sillage/shared/api-key";
import { newId } from "../lib/ids";
import { randomHex } from "@sillage/shared/hex";

/** What a live console session stands for: the API key it was exchanged for, and that key's member. */
export interface ConsoleSessionRow {
  id: string;
  workspaceId: string;
  keyId: string;
  role: "admin" | "member";
  createdAt: number;
  expiresAt: number;
}

/**
 * Console sessions slide: each use pushes the expiry `IDLE_MS` ahead (written at most every `TOUCH_EVERY_MS`),
 * never past `MAX_MS` after sign-in. A session left alone for 12 h, or 7 days old, needs the key again.
 */
export const SESSION_IDLE_MS = 12 * 3600_000;
export const SESSION_MAX_MS = 7 * 86400_000;
const TOUCH_EVERY_MS = 5 * 60_000;

/** A new random token (256 bits, hex); only its SHA-256 is stored. */
export function newSessionToken(): string {
  return randomHex(32);
}

export async function createConsoleSession(db: D1Database, key: { id: string; workspaceId: string }, token: string, now: number) {
  const row = { id: newId("cs"), expiresAt: Math.min(now + SESSION_IDLE_MS, now + SESSION_MAX_MS) };
  await db
    .prepare("INSERT INTO console_sessions (id, token_hash, workspace_id, key_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")
    .bind(row.id, await sha256Hex(token), key.workspaceId, key.id, now, row.expiresAt)
    .run();
  return row;
}

/** The live session of a token: not expired, and its key not revoked. Null otherwise. */
export async function findConsoleSession(db: D1Database, token: string, now: number): Promise<ConsoleSessionRow | null> {
  return db
    .prepare(
      `SELECT s.id, s.workspace_id AS workspaceId, s.key_id AS keyId, k.role, s.created_at AS createdAt, s.expires_at AS expiresAt
         FROM console_sessions s JOIN api_keys k ON k.id = s.key_id AND k.workspace_id = s.workspace_id
        WHERE s.token_hash = ? AND s.expires_at > ? AND k.revoked_at IS NULL`,
    )
    .bind(await sha256Hex(token), now)
    .first<ConsoleSessionRow>();
}

/** Slides the expiry when the last push is older than a few minutes; the new expiry, or null when unchanged. */
export async function touchConsoleSession(db: D1Database, session: ConsoleSessionRow, now: number): Promise<number | null> {
  const next = Math.min(now + SESSION_IDLE_MS, session.createdAt + SESSION_MAX_MS);
  if (next - session.expiresAt < TOUCH_EVERY_MS) return null;
  await db.prepare("UPDATE console_sessions SET expires_at = ? WHERE id = ?").bind(next, session.id).run();
  return next;
}

export async function deleteConsoleSession(db: D1Database, token: string): Promise<void> {
  await db
    .prepare("DELETE FROM console_sessions WHERE token_hash = ?")
    .bind(await sha256Hex(token))
    .run();
}

/** Cron: expired sessions (and those of revoked keys) are kept no longer than needed. */
export async function purgeConsoleSessions(db: D1Database, now: number): Promise<number> {
  const res = await db
    .prepare("DELETE FROM console_sessions WHERE expires_at <= ? OR key_id IN (SELECT id FROM api_keys WHERE revoked_at IS NOT NULL)")
    .bind(now)
    .run();
  return res.meta.changes ?? 0;
}
