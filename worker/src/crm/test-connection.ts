import type { Env } from "../env";
import { markConnectionBroken, type CrmConnection } from "./connection-store";
import { CrmAuthError, CrmRejected, CrmRetryLater } from "./errors";
import { openClient } from "./open-client";
import { resumeConnection } from "./resume";
import { setUpConnection } from "./set-up";

export interface ConnectionTestResult {
  ok: boolean;
  /** HubSpot portal id or Pipedrive company domain. */
  account: string | null;
  reason: string | null;
  /** Leads whose waiting events were queued again because the connection works now. */
  resumed: number;
}

/** The connection test: reaches the CRM with the token and creates the Sillage properties; a refused token marks it broken. */
export async function testConnection(env: Env, conn: CrmConnection, now = Date.now()): Promise<ConnectionTestResult> {
  try {
    const client = await openClient(env, conn);
    const { account } = await setUpConnection(env.DB, client, conn, now);
    const resumed = conn.enabled ? await resumeConnection(env, conn.id) : 0;
    return { ok: true, account, reason: null, resumed };
  } catch (err) {
    if (err instanceof CrmAuthError) {
      const reason = `the CRM refused the token: ${err.message}`;
      await markConnectionBroken(env.DB, conn.id, reason, now);
      return { ok: false, account: null, reason, resumed: 0 };
    }
    if (err instanceof CrmRejected || err instanceof CrmRetryLater) return { ok: false, account: null, reason: err.message, resumed: 0 };
    throw err;
  }
}
