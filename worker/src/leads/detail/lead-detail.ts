import type { LeadDetail } from "@sillage/shared/api/leads";
import { loadActiveModel } from "../../scoring/active-model";
import type { LeadRecord } from "../find-lead";
import { workspaceRejectionReasons } from "../rejection-reasons";
import { buildLeadDetail } from "./build-detail";
import { loadDetailRows } from "./load-detail";

/** The full LeadDetail of a lead already found in the workspace (see findLead). */
export async function leadDetail(db: D1Database, lead: LeadRecord, now: number): Promise<LeadDetail> {
  const [rows, model, reasons] = await Promise.all([
    loadDetailRows(db, lead),
    loadActiveModel(db, lead.workspaceId),
    workspaceRejectionReasons(db, lead.workspaceId),
  ]);
  return buildLeadDetail(lead, rows, model, reasons, now);
}
