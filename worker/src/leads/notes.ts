import { newId } from "../lib/ids";
import type { KeyActor } from "./actor";

/** Notes belong to the lead, not to whoever owns it: they stay when the salesperson changes. */
export async function addNote(db: D1Database, lead: { id: string; workspaceId: string }, body: string, author: KeyActor, now: number) {
  const id = newId("note");
  await db
    .prepare("INSERT INTO lead_notes (id, lead_id, workspace_id, author_id, author_name, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
    .bind(id, lead.id, lead.workspaceId, author.id, author.name, body, now)
    .run();
  return { id, body, authorName: author.name, at: new Date(now).toISOString() };
}
