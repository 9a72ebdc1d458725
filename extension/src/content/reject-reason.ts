/**
 * INTERIM bridge between the overlay's reject form, which still lists a fixed set of reasons
 * (`REJECT_REASONS` in overlay/types.ts), and the workspace's own list (`lead.rejectionReasons`), which is
 * what the API accepts and what the KPIs count. The request always carries a code FROM THE WORKSPACE'S
 * LIST: the same code, a known equivalent of the default list, or the workspace's "other" with the form's
 * reason kept in the note. Goes away when the form lists `lead.rejectionReasons` itself.
 */
import type { RejectionReasonOption, RejectReasonCode } from "../overlay/types";

/** The overlay's codes → equivalent codes of the default workspace list (shared/src/lifecycle). */
const EQUIVALENTS: Record<RejectReasonCode, readonly string[]> = {
  "not-icp": ["out_of_target"],
  "no-budget": ["no_budget"],
  "no-authority": ["wrong_contact"],
  "no-need": ["no_need"],
  "bad-timing": ["bad_timing"],
  competitor: ["competitor"],
  "existing-customer": [],
  "wrong-company": [],
  other: ["other"],
};

export interface WorkspaceRejection {
  reasonCode: string;
  note?: string;
}

/**
 * The workspace reason for what the form chose; null when the workspace has neither an equivalent nor an
 * "other" reason (the UI then reports the failure rather than sending a code the API would refuse).
 */
export function toWorkspaceReason(
  code: RejectReasonCode,
  text: string,
  reasons: readonly RejectionReasonOption[],
  formLabel: string,
): WorkspaceRejection | null {
  const note = text.trim();
  const byCode = new Map(reasons.map((r) => [r.code, r]));
  const candidates = [code.replace(/-/g, "_"), ...EQUIVALENTS[code]];
  const match = candidates.map((c) => byCode.get(c)).find((r) => r !== undefined);
  if (match && (!match.requiresNote || note)) return { reasonCode: match.code, ...(note ? { note } : {}) };
  const other = byCode.get("other");
  if (!other) return null;
  // Keep what the salesperson chose: the note says it in words.
  return { reasonCode: other.code, note: note ? `${formLabel} — ${note}` : formLabel };
}
