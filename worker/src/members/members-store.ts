import type { MemberRole } from "../db/schema/members";
import { ApiError } from "../http/errors";
import { newId } from "../lib/ids";

export interface Member {
  id: string;
  email: string;
  name: string;
  role: MemberRole;
  createdAt: number;
  removedAt: number | null;
}

const COLUMNS = "id, email, name, role, created_at AS createdAt, removed_at AS removedAt";

export async function listMembers(db: D1Database, workspaceId: string, opts: { includeRemoved?: boolean } = {}): Promise<Member[]> {
  const active = opts.includeRemoved ? "" : " AND removed_at IS NULL";
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM members WHERE workspace_id = ?${active} ORDER BY created_at, id`)
    .bind(workspaceId)
    .all<Member>();
  return results;
}

export async function getMember(db: D1Database, workspaceId: string, memberId: string): Promise<Member | null> {
  return db.prepare(`SELECT ${COLUMNS} FROM members WHERE workspace_id = ? AND id = ?`).bind(workspaceId, memberId).first<Member>();
}

/**
 * Adds a person to the workspace. E-mails are unique per workspace: an active member with the same address is
 * a conflict; a removed one comes back (same id, so notes and transitions they signed still point at them).
 */
export async function addMember(
  db: D1Database,
  workspaceId: string,
  input: { email: string; name: string; role: MemberRole },
  now: number,
): Promise<{ member: Member; restored: boolean }> {
  const email = input.email.trim().toLowerCase();
  const existing = await db.prepare(`SELECT ${COLUMNS} FROM members WHERE workspace_id = ? AND email = ?`).bind(workspaceId, email).first<Member>();
  if (existing && existing.removedAt === null) throw new ApiError("conflict", `${email} is already a member of this workspace (${existing.id}).`);
  if (existing) {
    await db.prepare("UPDATE members SET name = ?, role = ?, removed_at = NULL WHERE id = ?").bind(input.name, input.role, existing.id).run();
    return { member: { ...existing, name: input.name, role: input.role, removedAt: null }, restored: true };
  }
  const member: Member = { id: newId("mbr"), email, name: input.name, role: input.role, createdAt: now, removedAt: null };
  await db
    .prepare("INSERT INTO members (id, workspace_id, email, name, role, created_at) VALUES (?, ?, ?, ?, ?, ?)")
    .bind(member.id, workspaceId, member.email, member.name, member.role, now)
    .run();
  return { member, restored: false };
}

/** Active admin keys of the workspace that would remain if `except` went away. */
export async function remainingAdminKeys(db: D1Database, workspaceId: string, except: { keyId?: string; memberId?: string }): Promise<number> {
  const row = await db
    .prepare(
      `SELECT count(*) AS n FROM api_keys WHERE workspace_id = ?1 AND role = 'admin' AND revoked_at IS NULL
          AND id != ?2 AND (?3 = '' OR member_id IS NULL OR member_id != ?3)`,
    )
    .bind(workspaceId, except.keyId ?? "", except.memberId ?? "")
    .first<{ n: number }>();
  return row?.n ?? 0;
}

/**
 * Removes a member: the row stays (notes and transitions name its author) with `removed_at`, and every key of
 * the member is revoked in the same transaction, so it stops working at once. Refused when it would leave the
 * workspace without any admin key (nobody could manage it through the API any more). Null when not found.
 */
export async function removeMember(
  db: D1Database,
  workspaceId: string,
  memberId: string,
  now: number,
): Promise<{ member: Member; revokedKeys: number } | null> {
  const member = await getMember(db, workspaceId, memberId);
  if (!member) return null;
  if (member.removedAt !== null) return { member, revokedKeys: 0 };
  const hasAdminKey = await db
    .prepare("SELECT 1 AS x FROM api_keys WHERE workspace_id = ? AND member_id = ? AND role = 'admin' AND revoked_at IS NULL")
    .bind(workspaceId, memberId)
    .first();
  if (hasAdminKey && (await remainingAdminKeys(db, workspaceId, { memberId })) === 0)
    throw new ApiError("conflict", "This member holds the workspace's last admin keys: create an admin key for someone else first.");
  const [, revoked] = await db.batch([
    db.prepare("UPDATE members SET removed_at = ? WHERE id = ? AND workspace_id = ?").bind(now, memberId, workspaceId),
    db.prepare("UPDATE api_keys SET revoked_at = ? WHERE workspace_id = ? AND member_id = ? AND revoked_at IS NULL").bind(now, workspaceId, memberId),
  ]);
  return { member: { ...member, removedAt: now }, revokedKeys: revoked?.meta.changes ?? 0 };
}
