import { DEFAULT_REJECTION_REASONS, type RejectionReason } from "@sillage/shared/lifecycle/rejection-reasons";

/**
 * The rejection reasons a workspace offers its salespeople. Workspaces cannot configure their own yet (no
 * column holds them), so every workspace has the default list; this is the one place to read them from once
 * they can.
 */
export async function workspaceRejectionReasons(_db: D1Database, _workspaceId: string): Promise<readonly RejectionReason[]> {
  return DEFAULT_REJECTION_REASONS;
}
