import type { LeadTransitionBody } from "@sillage/shared/api/leads";
import type { RejectionReason } from "@sillage/shared/lifecycle/rejection-reasons";
import type { LifecycleAction, TransitionError } from "@sillage/shared/lifecycle/types";

/** An API error to raise, as code and message (the route turns it into ApiError). */
export interface ActionProblem {
  code: "bad_request" | "conflict";
  message: string;
}

const codesOf = (reasons: readonly RejectionReason[]) => reasons.map((r) => r.code).join(", ");

/** The request body as a lifecycle action, or what is wrong with it. Pure. */
export function actionOf(body: LeadTransitionBody, reasons: readonly RejectionReason[]): LifecycleAction | ActionProblem {
  const note = body.note?.trim() || undefined;
  switch (body.action) {
    case "accept":
      if (body.reasonCode !== undefined) return { code: "bad_request", message: "reasonCode: only reject and nurture take a reason" };
      return { type: "accept", note };
    case "reject":
      if (!body.reasonCode) return { code: "bad_request", message: `reasonCode: a rejection needs a reason, one of ${codesOf(reasons)}` };
      return { type: "reject", reason: body.reasonCode, note };
    case "nurture":
      return { type: "nurture", reason: body.reasonCode, note };
  }
}

/**
 * The lifecycle's refusal as an API error: an action the lead's status does not allow is a 409 (the request
 * is fine, the lead is not in a state for it); a bad reason or note is a 400.
 */
export function problemOf(error: TransitionError, reasons: readonly RejectionReason[]): ActionProblem {
  switch (error.code) {
    case "illegal_transition":
      return {
        code: "conflict",
        message: `Cannot ${error.action} this lead: it is ${error.from}, and ${error.action} is allowed from ${error.allowedFrom.join(" or ")} only.`,
      };
    case "actor_not_allowed":
      return { code: "conflict", message: error.message };
    case "unknown_reason":
      return { code: "bad_request", message: `reasonCode: unknown rejection reason "${error.reason}"; this workspace's reasons are ${codesOf(reasons)}` };
    case "note_required":
    case "note_too_long":
      return { code: "bad_request", message: `note: ${error.message}` };
  }
}
