import { sha256Hex } from "@sillage/shared/api-key";
import type { CollectPayload } from "@sillage/shared/collect-payload";
import type { ClaimedField } from "../../db/schema/contact-claims";
import { canonicalProfileUrl } from "../../leads/linkedin-url";
import { newId } from "../../lib/ids";

/** Contacts are one per e-mail per workspace; a derived id lets concurrent identifies converge. */
export async function contactIdFor(workspaceId: string, email: string): Promise<string> {
  return "ct_" + (await sha256Hex(`${workspaceId}|${email}`)).slice(0, 24);
}

/** What an identify claims, cleaned: empty values are absent, a LinkedIn URL only as a canonical profile URL. */
export interface ClaimedTraits {
  email: string;
  fields: Record<ClaimedField, string | null>;
}

/** Pure. A LinkedIn value that is not a real profile URL is left out; the rest of the identify stands. */
export function claimedTraits(traits: NonNullable<CollectPayload["traits"]>): ClaimedTraits {
  const text = (v: string | undefined) => v?.trim() || null;
  return {
    email: traits.email.trim().toLowerCase(),
    fields: {
      name: text(traits.name),
      jobTitle: text(traits.jobTitle),
      phone: text(traits.phone),
      linkedinUrl: traits.linkedinUrl ? canonicalProfileUrl(traits.linkedinUrl) : null,
    },
  };
}

const COLUMN: Record<ClaimedField, string> = { name: "name", jobTitle: "job_title", phone: "phone", linkedinUrl: "linkedin_url" };

/**
 * The statements that record an identify for a contact. A form cannot prove who typed it, so the tracker
 * only fills a contact's empty fields, never overwrites one: a later, different value becomes a claim
 * (contact_claims, one row per distinct value, counted) shown on the lead beside the contact.
 */
export function contactStatements(d1: D1Database, workspaceId: string, contactId: string, traits: ClaimedTraits, at: number): D1PreparedStatement[] {
  const f = traits.fields;
  const keep = (field: ClaimedField) => `${COLUMN[field]} = coalesce(nullif(${COLUMN[field]}, ''), excluded.${COLUMN[field]})`;
  const stmts = [
    d1
      .prepare(
        `INSERT INTO contacts (id, workspace_id, email, name, job_title, phone, linkedin_url, first_seen_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)
         ON CONFLICT(id) DO UPDATE SET ${keep("name")}, ${keep("jobTitle")}, ${keep("phone")}, ${keep("linkedinUrl")},
           updated_at = max(updated_at, excluded.updated_at)`,
      )
      .bind(contactId, workspaceId, traits.email, f.name, f.jobTitle, f.phone, f.linkedinUrl, at),
  ];
  for (const field of Object.keys(COLUMN) as ClaimedField[]) {
    const value = f[field];
    if (value === null) continue;
    // Runs after the upsert: a value equal to the contact's (new contact, or an empty field just filled) is no claim.
    stmts.push(
      d1
        .prepare(
          `INSERT INTO contact_claims (id, workspace_id, contact_id, field, value, count, first_claimed_at, last_claimed_at)
           SELECT ?1, ?2, ?3, ?4, ?5, 1, ?6, ?6 FROM contacts WHERE id = ?3 AND ${COLUMN[field]} IS NOT NULL AND ${COLUMN[field]} != ?5
           ON CONFLICT(contact_id, field, value) DO UPDATE SET count = count + 1, last_claimed_at = max(last_claimed_at, excluded.last_claimed_at)`,
        )
        .bind(newId("clm"), workspaceId, contactId, field, value, at),
    );
  }
  return stmts;
}
