import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { parse } from "csv-parse/sync";
import { EXPORT_CHUNK_SIZE, EXPORT_CSV_HEADERS } from "../src/routes/exports";
import { createTestSite, worker, type TestSite } from "./support/fixtures";

const exportCsv = (site: { apiKey: string } | null, query = "") =>
  worker.fetch(
    new Request(`https://api.sillage.test/api/v1/leads/export.csv${query}`, {
      headers: site ? { Authorization: `Bearer ${site.apiKey}` } : {},
    }),
  );

/** csv-parse (not our writer's code) reads the file, as a spreadsheet would: `;`, quotes, BOM. */
async function readCsv(res: Response) {
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  const rows = parse(text, { delimiter: ";", bom: true, relax_column_count: false }) as string[][];
  const [header, ...data] = rows;
  const records = data.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
  return { bytes, text, header: header!, records };
}

interface LeadSeed {
  name: string;
  status?: string;
  lastSeenAt?: number;
  contact?: { name: string; email: string; jobTitle?: string; phone?: string };
  page?: { url: string; title: string };
  mergedInto?: string;
}

let seq = 0;

/** Leads written straight to D1 (the pipeline that creates them is tested elsewhere). */
async function seedLeads(site: TestSite, seeds: LeadSeed[]) {
  const now = Date.now();
  const ids: string[] = [];
  const stmts: D1PreparedStatement[] = [];
  for (const s of seeds) {
    const id = `lead_x${(seq++).toString(36).padStart(6, "0")}_${site.workspaceId.slice(-6)}`;
    ids.push(id);
    const contactId = s.contact ? `ct_${id}` : null;
    if (s.contact) {
      stmts.push(
        env.DB.prepare(
          "INSERT INTO contacts (id, workspace_id, email, name, job_title, phone, first_seen_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        ).bind(contactId, site.workspaceId, s.contact.email, s.contact.name, s.contact.jobTitle ?? null, s.contact.phone ?? null, now, now),
      );
    }
    const seen = s.lastSeenAt ?? now;
    stmts.push(
      env.DB.prepare(
        `INSERT INTO leads (id, workspace_id, key, name, contact_id, status, status_changed_at, score, first_seen_at, last_seen_at, merged_into)
         VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
      ).bind(id, site.workspaceId, `org:${id}`, s.name, contactId, s.status ?? "mql", now, seen - 3_600_000, seen, s.mergedInto ?? null),
    );
    if (s.page) {
      const vid = `vis_${id}`;
      stmts.push(
        env.DB.prepare("INSERT INTO visitors (id, site_id, workspace_id, visitor_key, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)").bind(
          vid,
          site.siteId,
          site.workspaceId,
          vid,
          seen,
          seen,
        ),
        env.DB.prepare("INSERT INTO sessions (id, visitor_id, site_id, started_at, last_seen_at) VALUES (?, ?, ?, ?, ?)").bind(
          `ses_${id}`,
          vid,
          site.siteId,
          seen,
          seen,
        ),
        env.DB.prepare(
          `INSERT INTO hits (id, site_id, workspace_id, visitor_id, session_id, type, source, url, path, title, lead_id, occurred_at, received_at)
           VALUES (?, ?, ?, ?, ?, 'pageview', 'collect', ?, ?, ?, ?, ?, ?)`,
        ).bind(`hit_${id}`, site.siteId, site.workspaceId, vid, `ses_${id}`, s.page.url, new URL(s.page.url).pathname, s.page.title, id, seen, seen),
      );
    }
  }
  for (let i = 0; i < stmts.length; i += 100) await env.DB.batch(stmts.slice(i, i + 100));
  return ids;
}

describe("GET /api/v1/leads/export.csv", () => {
  it("writes a UTF-8 file with BOM that reads back exactly: accents, quotes, semicolons, newlines", async () => {
    const site = await createTestSite();
    const t = Date.UTC(2026, 4, 12, 12, 3); // 14:03 in Paris (summer time)
    const awkward = [
      {
        name: "Société «Les Œufs» Éclair & Cie",
        contact: { name: "François Dubœuf", email: "f.duboeuf@oeufs.fr", jobTitle: "Directeur IT", phone: "+33 1 23 45 67 89" },
      },
      { name: 'Le "Petit" Café; père & fils', contact: { name: 'Zoé "Zo" Garçon; RSSI', email: "zoe@cafe.fr" } },
      { name: "Ligne 1\nLigne 2\r\nLigne 3", page: { url: "https://www.exemple.fr/tarifs?x=1;y=2", title: "Tarifs ; offres" } },
      { name: '=HYPERLINK("https://evil.example","clic")' },
    ];
    await seedLeads(
      site,
      awkward.map((s, i) => ({ ...s, lastSeenAt: t - i * 1000 })),
    );

    const res = await exportCsv(site);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="sillage-leads-\d{4}-\d{2}-\d{2}\.csv"$/);
    const { bytes, header, records } = await readCsv(res);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(header).toEqual(EXPORT_CSV_HEADERS);
    expect(records.map((r) => r["Entreprise"])).toEqual([
      "Société «Les Œufs» Éclair & Cie",
      'Le "Petit" Café; père & fils',
      "Ligne 1\nLigne 2\r\nLigne 3",
      // A formula from visitor-supplied text is neutralised, never run by Excel.
      '\'=HYPERLINK("https://evil.example","clic")',
    ]);
    expect(records[0]).toMatchObject({
      Statut: "MQL",
      Contact: "François Dubœuf",
      Fonction: "Directeur IT",
      "E-mail": "f.duboeuf@oeufs.fr",
      Téléphone: "'+33 1 23 45 67 89",
      "Dernière activité": "2026-05-12 14:03",
    });
    expect(records[1]!["Contact"]).toBe('Zoé "Zo" Garçon; RSSI');
    expect(records[2]).toMatchObject({
      "Dernière page visitée": "https://www.exemple.fr/tarifs?x=1;y=2",
      "Date de la dernière visite": "2026-05-12 14:02",
      "Première page visitée": "https://www.exemple.fr/tarifs?x=1;y=2",
    });
    expect(records[3]!["Lien API"]).toMatch(/^https:\/\/api\.sillage\.test\/api\/v1\/leads\/lead_x/);
  });

  it("streams the header first, then pages through D1 in chunks without losing or repeating a lead", async () => {
    const site = await createTestSite();
    const base = Date.UTC(2026, 0, 1);
    const count = EXPORT_CHUNK_SIZE * 2 + 3;
    // Groups of leads share a last-seen time, so the keyset must break ties on the id.
    const ids = await seedLeads(
      site,
      Array.from({ length: count }, (_, i) => ({ name: `Entreprise ${i}`, lastSeenAt: base + Math.floor(i / 7) * 1000 })),
    );

    const res = await exportCsv(site);
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(first.value)).toBe(`\uFEFF${EXPORT_CSV_HEADERS.join(";")}\r\n`);
    let rest = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      rest += new TextDecoder().decode(value, { stream: true });
    }
    const rows = parse(rest, { delimiter: ";" }) as string[][];
    const idCol = EXPORT_CSV_HEADERS.indexOf("Identifiant");
    const exported = rows.map((r) => r[idCol]!);
    expect(exported).toHaveLength(count);
    expect(new Set(exported)).toEqual(new Set(ids));
    // Most recently active first.
    const seenCol = EXPORT_CSV_HEADERS.indexOf("Dernière activité");
    const seen = rows.map((r) => r[seenCol]!);
    expect([...seen].sort().reverse()).toEqual(seen);
  });

  it("filters by status and by last-activity date, and leaves out anonymous and merged leads by default", async () => {
    const site = await createTestSite();
    const day = (d: number) => Date.UTC(2026, 2, d, 10);
    await seedLeads(site, [
      { name: "Mql Mars 3", status: "mql", lastSeenAt: day(3) },
      { name: "Sql Mars 5", status: "sql", lastSeenAt: day(5) },
      { name: "Identifié Mars 7", status: "identified", lastSeenAt: day(7) },
      { name: "Anonyme", status: "anonymous", lastSeenAt: day(7) },
      { name: "Fusionné", status: "mql", lastSeenAt: day(7), mergedInto: "lead_other" },
    ]);
    const names = async (q: string) => (await readCsv(await exportCsv(site, q))).records.map((r) => r["Entreprise"]);
    expect(await names("")).toEqual(["Identifié Mars 7", "Sql Mars 5", "Mql Mars 3"]);
    expect(await names("?status=mql")).toEqual(["Mql Mars 3"]);
    expect(await names("?status=mql,sql")).toEqual(["Sql Mars 5", "Mql Mars 3"]);
    expect(await names("?status=anonymous")).toEqual(["Anonyme"]);
    expect(await names("?from=2026-03-04&to=2026-03-05")).toEqual(["Sql Mars 5"]);
    expect(await names("?to=2026-03-03")).toEqual(["Mql Mars 3"]);
    for (const q of ["?status=hot", "?from=03/04/2026", "?from=2026-03-09&to=2026-03-01", "?from=2026-02-31"]) {
      const res = await exportCsv(site, q);
      expect(res.status, q).toBe(400);
      expect(((await res.json()) as any).error.code).toBe("bad_request");
    }
  });

  it("exports only the key's workspace, and nothing without a key", async () => {
    const a = await createTestSite();
    const b = await createTestSite();
    await seedLeads(a, [{ name: "Secret de A", contact: { name: "Alice", email: "alice@a.fr" } }]);
    await seedLeads(b, [{ name: "Lead de B" }]);
    const fromB = await readCsv(await exportCsv(b));
    expect(fromB.records.map((r) => r["Entreprise"])).toEqual(["Lead de B"]);
    expect(fromB.text).not.toContain("Secret de A");
    expect(fromB.text).not.toContain("alice@a.fr");
    expect((await exportCsv(null)).status).toBe(401);
  });
});
