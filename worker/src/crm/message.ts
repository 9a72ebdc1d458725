/** Messages of the CRM queue: sync one lead to one connection, or queue the next page of a backfill. */
export type CrmMessage = { kind: "sync"; connectionId: string; leadId: string } | { kind: "backfill"; jobId: string };
