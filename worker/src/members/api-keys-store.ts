import { apiKeyPrefix, generateApiKey, hashApiKey } from "@sillage/shared/api-key";
import type { MemberRole } from "../db/schema/members";
import { ApiError } from "../http/errors";
import { newId } from "../lib/ids";
import { getMember, remainingAdminKeys } from "./members-store";

export interface ApiKeyInfo {
  id: string;
  name: string;
  role: MemberRole;
  prefix: string;
  member: { id: string; name: string; email: string } | null;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

interface KeyRow extends Omit<ApiKeyInfo, "member"> {
  memberId: string | null;
  memberName: string | null;
  memberEmail: string | null;
}

const SELECT = `SELECT k.id, k.name, k.role, k.prefix, k.created_at AS createdAt, k.last_used_at AS lastUsedAt,
    k.revoked_at AS revokedAt, k.member_id AS memberId, m.name AS memberName, m.email AS memberEmail
  FROM api_keys k LEFT JOIN members m ON m.id = k.member_id AND m.workspace_id = k.workspace_id`;

const toInfo = ({ memberId, memberName, memberEmail, ...key }: KeyRow): ApiKeyInfo => ({
  ...key,
  member: memberId ? { id: memberId, name: memberName ?? "", email: memberEmail ?? "" } : null,
});

/** Every key of the workspace, revoked ones included (an audit trail); never a hash. */
export async function listApiKeys(db: D1Database, workspaceId: string): Promise<ApiKeyInfo[]> {
  const { results } = await db.prepare(`${SELECT} WHERE k.workspace_id = ? ORDER BY k.created_at, k.id`).bind(workspaceId).all<KeyRow>();
  return results.map(toInfo);
}

export async function getApiKey(db: D1Database, workspaceId: string, keyId: string): Promise<ApiKeyInfo | null> {
  const row = await db.prepare(`${SELECT} WHERE k.workspace_id = ? AND k.id = ?`).bind(workspaceId, keyId).first<KeyRow>();
  return row ? toInfo(row) : null;
}

/**
 * Creates a key. Only its SHA-256 and first characters are stored: the clear key is returned here once and
 * can never be shown again. A key acts for an active member, with the member's role or less (an admin may hold
 * a member-role key for everyday use); `memberId: null` makes a workspace-level key (admin CLI, demo).
 */
export async function createApiKey(
  db: D1Database,
  workspaceId: string,
  input: { memberId: string | null; name: string; role?: MemberRole },
  now: number,
): Promise<{ key: string; info: ApiKeyInfo }> {
  let role: MemberRole = input.role ?? "admin";
  let member: ApiKeyInfo["member"] = null;
  if (input.memberId !== null) {
    const m = await getMember(db, workspaceId, input.memberId);
    if (!m || m.removedAt !== null) throw new ApiError("not_found", `No active member ${input.memberId} in this workspace.`);
    if (input.role === "admin" && m.role !== "admin") throw new ApiError("bad_request", `${m.email} has the member role: their keys cannot be admin keys.`);
    role = input.role ?? m.role;
    member = { id: m.id, name: m.name, email: m.email };
  }
  const key = generateApiKey();
  const info: ApiKeyInfo = { id: newId("key"), name: input.name, role, prefix: apiKeyPrefix(key), member, createdAt: now, lastUsedAt: null, revokedAt: null };
  await db
    .prepare("INSERT INTO api_keys (id, workspace_id, member_id, name, role, prefix, hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
    .bind(info.id, workspaceId, member?.id ?? null, info.name, role, info.prefix, await hashApiKey(key), now)
    .run();
  return { key, info };
}

/**
 * Revokes a key: the auth check only accepts keys without `revoked_at`, so it stops working with the next
 * request. Revoking twice keeps the first date. Refused for the workspace's last active admin key (create
 * another one first). Null when the key is not in the workspace.
 */
export async function revokeApiKey(db: D1Database, workspaceId: string, keyId: string, now: number): Promise<ApiKeyInfo | null> {
  const key = await getApiKey(db, workspaceId, keyId);
  if (!key) return null;
  if (key.revokedAt !== null) return key;
  if (key.role === "admin" && (await remainingAdminKeys(db, workspaceId, { keyId })) === 0)
    throw new ApiError("conflict", "This is the workspace's last admin key: create another admin key before revoking it.");
  await db.prepare("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND workspace_id = ? AND revoked_at IS NULL").bind(now, keyId, workspaceId).run();
  return { ...key, revokedAt: now };
}

/** The unrevoked key with this hash: what a Bearer key, or a console sign-in, stands for. */
export async function findLiveKey(
  db: D1Database,
  keyHash: string,
): Promise<{ id: string; workspaceId: string; role: MemberRole; lastUsedAt: number | null } | null> {
  return db
    .prepare("SELECT id, workspace_id AS workspaceId, role, last_used_at AS lastUsedAt FROM api_keys WHERE hash = ? AND revoked_at IS NULL")
    .bind(keyHash)
    .first();
}

export async function recordKeyUse(db: D1Database, keyId: string, now: number): Promise<void> {
  await db.prepare("UPDATE api_keys SET last_used_at = ? WHERE id = ?").bind(now, keyId).run();
}

/** The workspace a key belongs to (admin CLI: `key:revoke KEY_ID` names no workspace). */
export async function workspaceOfKey(db: D1Database, keyId: string): Promise<string | null> {
  const row = await db.prepare("SELECT workspace_id AS id FROM api_keys WHERE id = ?").bind(keyId).first<{ id: string }>();
  return row?.id ?? null;
}
