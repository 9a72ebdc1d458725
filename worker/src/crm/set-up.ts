import type { CrmClient } from "./client";
import { markConnectionOk, type CrmConnection } from "./connection-store";
import type { FieldKeys } from "./fields";

/**
 * The connection test, also run before a first sync: who the token belongs to, and the custom properties
 * (`siren` first) found or created. Saves the result and marks the connection ok. Throws the CRM's error.
 */
export async function setUpConnection(db: D1Database, client: CrmClient, conn: CrmConnection, now: number): Promise<{ account: string; keys: FieldKeys }> {
  const account = await client.whoAmI();
  const keys = await client.setUpFields(conn.account === account ? conn.fieldKeys : null);
  await markConnectionOk(db, conn.id, account, keys, now);
  return { account, keys };
}

/** The account and keys of a connection already set up, else sets it up now. */
export async function readyConnection(db: D1Database, client: CrmClient, conn: CrmConnection, now: number): Promise<{ account: string; keys: FieldKeys }> {
  if (conn.account && conn.fieldKeys && conn.state === "ok") return { account: conn.account, keys: conn.fieldKeys };
  return setUpConnection(db, client, conn, now);
}
