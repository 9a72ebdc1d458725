import { mentionsWholeEmail, wholeEmailPattern } from "@sillage/shared/email-mention";
import { emptyReport, numbered, runErasure, statePath, type CountedStatement, type ErasureReport } from "./erasure-report";

/** Placeholder left in a salesperson's note where the erased e-mail address was. */
export const REDACTED = "[adresse effacée]";
/** D1 accepts at most 100 bound parameters per statement. */
const MAX_PATHS_PER_STATEMENT = 90;

interface ContactRow {
  id: string;
  email: string;
  linkedinUrl: string | null;
}

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** "https://www.linkedin.com/in/claire-martin/" → "claire-martin" (the form lead links store). */
function linkedinSlug(url: string | null): string | null {
  const m = url ? /linkedin\.com\/in\/([^/?#]+)/i.exec(url) : null;
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]!).toLowerCase();
  } catch {
    return m[1]!.toLowerCase();
  }
}

/** SQL: the column quotes the e-mail address (?3), or its URL-encoded form (?4), in any case. */
const mentions = (col: string) => `(instr(lower(coalesce(${col}, '')), ?3) > 0 OR instr(lower(coalesce(${col}, '')), ?4) > 0)`;
/** Ids in statements of at most MAX_PATHS_PER_STATEMENT bound parameters. */
function chunks(ids: string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += MAX_PATHS_PER_STATEMENT) out.push(ids.slice(i, i + MAX_PATHS_PER_STATEMENT));
  return out;
}

/** Deletes these rows of `table`, in statements of bounded parameters. */
function deleteByIds(db: D1Database, table: "hits" | "webhook_deliveries", counter: CountedStatement["counter"], ids: string[]): CountedStatement[] {
  return chunks(ids).map((chunk) => ({ counter, stmt: db.prepare(`DELETE FROM ${table} WHERE id IN (${chunk.map(() => "?").join(", ")})`).bind(...chunk) }));
}

export async function findContact(db: D1Database, workspaceId: string, by: { id: string } | { email: string }): Promise<ContactRow | null> {
  const [col, value] = "id" in by ? ["id", by.id] : ["email", normaliseEmail(by.email)];
  return db
    .prepare(`SELECT id, email, linkedin_url AS linkedinUrl FROM contacts WHERE workspace_id = ? AND ${col} = ?`)
    .bind(workspaceId, value)
    .first<ContactRow>();
}

/**
 * GDPR erasure of a person known by e-mail, in one workspace, in one transaction:
 *
 * - deleted: the contact; every browser (visitor) identified as them, with its sessions and hits (so their IPs,
 *   user agents and URLs); any other hit whose URL, referrer, title or properties quote the address (e-mail
 *   campaign links); the contact's own lead (free-mail contacts are leads of their own) with its notes, links
 *   and transitions, its outbox events and CRM sync bookkeeping; webhook deliveries whose payload names them
 *   (pending ones are thus never sent);
 *   the LinkedIn profile link that pointed at them.
 * - scrubbed, because the row is someone else's: company leads forget the contact (their score stays: it is
 *   the company's engagement, and carries no identity once the ids are gone); scoring states drop the
 *   contact's and browsers' ids; notes and transition notes on other leads get the address replaced; sessions of other browsers lose
 *   a referrer or campaign that quoted it.
 *
 * Hits are deleted rather than anonymised: what would remain (a page, a time, a network) is still one
 * person's visit, and the aggregates that matter live in leads and drop counters. Works without a contact too
 * (an address seen only in campaign URLs). Opt-outs are kept: they are the person's own instruction.
 */
export async function erasePerson(db: D1Database, workspaceId: string, email: string, contact: ContactRow | null): Promise<ErasureReport> {
  const e = normaliseEmail(email);
  // instr(x, '') is true for every row: an empty needle would erase the whole workspace.
  if (!/^[^@\s]+@[^@\s]+$/.test(e)) throw new Error("erasePerson needs an e-mail address");
  const encoded = encodeURIComponent(e).toLowerCase();
  const cid = contact?.id ?? "";
  const leadKey = `contact:${cid}`;
  const p = [workspaceId, cid, e, encoded, leadKey];
  const s = (sql: string) => numbered(db, sql, p);
  const report = emptyReport();
  report.contactId = contact?.id ?? null;
  const statements: CountedStatement[] = [];

  if (contact) {
    const ofVisitors = "SELECT id FROM visitors WHERE workspace_id = ?1 AND contact_id = ?2";
    const ofLead = "SELECT id FROM leads WHERE workspace_id = ?1 AND key = ?5";
    const ofConnections = "SELECT id FROM crm_connections WHERE workspace_id = ?1";
    statements.push(
      { counter: "deleted.hits", stmt: s(`DELETE FROM hits WHERE workspace_id = ?1 AND (contact_id = ?2 OR visitor_id IN (${ofVisitors}))`) },
      { counter: "deleted.sessions", stmt: s(`DELETE FROM sessions WHERE visitor_id IN (${ofVisitors})`) },
    );
    // Scoring states are JSON kept by the scoring engine; json_remove edits them in place (no lost update), and
    // the revision bump makes a scorer that read the lead before this reload it rather than write the ids back.
    const visitorIds = (await s(ofVisitors).all<{ id: string }>()).results.map((r) => r.id);
    const paths = [statePath("contacts", cid), ...visitorIds.map((v) => statePath("metrics.visitors", v))];
    const leadIds = new Set<string>();
    for (const id of [cid, ...visitorIds]) {
      const { results } = await db
        .prepare("SELECT id FROM leads WHERE workspace_id = ? AND key != ? AND instr(score_state, ?) > 0")
        .bind(workspaceId, leadKey, id)
        .all<{ id: string }>();
      for (const r of results) leadIds.add(r.id);
    }
    for (const leadId of leadIds) {
      for (const chunk of chunks(paths)) {
        statements.push({
          counter: "scrubbed.scoreStates",
          stmt: db
            .prepare(
              `UPDATE leads SET score_state = json_remove(score_state, ${chunk.map(() => "?").join(", ")}), revision = revision + 1
                WHERE id = ? AND json_valid(score_state)`,
            )
            .bind(...chunk, leadId),
        });
      }
    }
    statements.push(
      { counter: "deleted.visitors", stmt: s("DELETE FROM visitors WHERE workspace_id = ?1 AND contact_id = ?2") },
      {
        counter: "deleted.webhookDeliveries",
        stmt: s(
          `DELETE FROM webhook_deliveries WHERE workspace_id = ?1 AND EXISTS (${ofLead.replace("SELECT id", "SELECT 1")} AND instr(payload, leads.id) > 0)`,
        ),
      },
      { counter: "deleted.leadNotes", stmt: s(`DELETE FROM lead_notes WHERE lead_id IN (${ofLead})`) },
      { counter: "deleted.leadLinks", stmt: s(`DELETE FROM lead_links WHERE lead_id IN (${ofLead})`) },
      { counter: "deleted.leadTransitions", stmt: s(`DELETE FROM lead_transitions WHERE lead_id IN (${ofLead})`) },
      { counter: "deleted.leadEvents", stmt: s(`DELETE FROM lead_event_outbox WHERE workspace_id = ?1 AND lead_id IN (${ofLead})`) },
      // Through the workspace's connections, so that each delete reads the (connection_id, lead_id) index.
      ...["crm_sync_events", "crm_lead_syncs"].map((table) => ({
        counter: "deleted.crmSyncRecords" as const,
        stmt: s(`DELETE FROM ${table} WHERE connection_id IN (${ofConnections}) AND lead_id IN (${ofLead})`),
      })),
      { counter: "deleted.crmSyncRecords", stmt: s(`DELETE FROM crm_sync_log WHERE workspace_id = ?1 AND lead_id IN (${ofLead})`) },
      { counter: "deleted.leads", stmt: s("DELETE FROM leads WHERE workspace_id = ?1 AND key = ?5") },
      { counter: "scrubbed.leadsUnlinked", stmt: s("UPDATE leads SET contact_id = NULL WHERE workspace_id = ?1 AND contact_id = ?2") },
      { counter: "deleted.webhookDeliveries", stmt: s("DELETE FROM webhook_deliveries WHERE workspace_id = ?1 AND instr(payload, ?2) > 0") },
    );
    const slug = linkedinSlug(contact.linkedinUrl);
    if (slug) {
      statements.push({
        counter: "deleted.leadLinks",
        stmt: db
          .prepare("DELETE FROM lead_links WHERE workspace_id = ? AND kind = 'linkedin-profile' AND lower(value) IN (?, ?)")
          .bind(workspaceId, slug, (contact.linkedinUrl ?? "").toLowerCase()),
      });
    }
  }

  // Mentions of the address anywhere else in the workspace (campaign links such as ?email=…, forms' props).
  // SQL finds the candidates by substring; only rows quoting the whole address are touched (n@acme.fr must
  // never erase what mentions jean@acme.fr).
  const whole = wholeEmailPattern(e);
  const quotes = (text: string | null) => mentionsWholeEmail(text, whole);
  const ofWorkspaceSites = "site_id IN (SELECT id FROM sites WHERE workspace_id = ?1)";
  const hitColumns = ["url", "referrer", "title", "props"] as const;
  const hits = await s(`SELECT id, ${hitColumns.join(", ")} FROM hits WHERE ${ofWorkspaceSites} AND (${hitColumns.map(mentions).join(" OR ")})`).all<
    Record<(typeof hitColumns)[number] | "id", string | null>
  >();
  const hitIds = hits.results.filter((row) => hitColumns.some((col) => quotes(row[col]))).map((row) => row.id as string);
  statements.push(...deleteByIds(db, "hits", "deleted.hits", hitIds));
  const sessionColumns = ["referrer", "landing_path", "utm_source", "utm_medium", "utm_campaign"] as const;
  const sessions = await s(
    `SELECT id, ${sessionColumns.join(", ")} FROM sessions WHERE ${ofWorkspaceSites} AND (${sessionColumns.map(mentions).join(" OR ")})`,
  ).all<Record<(typeof sessionColumns)[number] | "id", string | null>>();
  for (const row of sessions.results) {
    const cleared = sessionColumns.filter((col) => quotes(row[col]));
    if (cleared.length === 0) continue;
    statements.push({
      counter: "scrubbed.sessions",
      stmt: db.prepare(`UPDATE sessions SET ${cleared.map((col) => `${col} = NULL`).join(", ")} WHERE id = ?`).bind(row.id),
    });
  }
  const deliveries = await s(`SELECT id, payload FROM webhook_deliveries WHERE workspace_id = ?1 AND ${mentions("payload")}`).all<{
    id: string;
    payload: string | null;
  }>();
  const deliveryIds = deliveries.results.filter((row) => quotes(row.payload)).map((row) => row.id);
  statements.push(...deleteByIds(db, "webhook_deliveries", "deleted.webhookDeliveries", deliveryIds));

  // Notes are free text written by salespeople: the address is replaced, the rest of the note is theirs.
  const freeText = [
    { table: "lead_notes", column: "body", counter: "scrubbed.leadNotes" },
    { table: "lead_transitions", column: "note", counter: "scrubbed.transitionNotes" },
  ] as const;
  for (const { table, column, counter } of freeText) {
    const { results } = await s(`SELECT id, ${column} AS text FROM ${table} WHERE workspace_id = ?1 AND ${mentions(column)}`).all<{
      id: string;
      text: string;
    }>();
    for (const row of results) {
      if (!quotes(row.text)) continue;
      statements.push({
        counter,
        // Guarded by the old text: a note edited meanwhile is left for a second erasure rather than overwritten.
        stmt: db.prepare(`UPDATE ${table} SET ${column} = ? WHERE id = ? AND ${column} = ?`).bind(row.text.replace(whole, REDACTED), row.id, row.text),
      });
    }
  }

  if (contact) statements.push({ counter: "deleted.contacts", stmt: s("DELETE FROM contacts WHERE workspace_id = ?1 AND id = ?2") });
  return runErasure(db, report, statements);
}
