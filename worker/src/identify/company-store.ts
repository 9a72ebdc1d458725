import type { Firmographics } from "@sillage/shared/firmographics/record";

/** Firmographics are refreshed at most this often: registers change slowly (headcount yearly). */
export const COMPANY_TTL_MS = 30 * 86_400_000;

export async function saveCompany(db: D1Database, company: Firmographics, now: number): Promise<void> {
  await db
    .prepare(
      `INSERT INTO companies (siren, name, naf_code, naf_section, headcount_code, headcount_min, revenue, category,
         departement, region, record, source, fetched_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(siren) DO UPDATE SET name = excluded.name, naf_code = excluded.naf_code,
         naf_section = excluded.naf_section, headcount_code = excluded.headcount_code,
         headcount_min = excluded.headcount_min, revenue = excluded.revenue, category = excluded.category,
         departement = excluded.departement, region = excluded.region, record = excluded.record,
         source = excluded.source, fetched_at = excluded.fetched_at`,
    )
    .bind(
      company.siren,
      company.name ?? company.siren,
      company.nafCode,
      company.nafSection,
      company.headcountCode,
      company.headcountMin,
      company.revenue,
      company.category,
      company.departementCode,
      company.regionCode,
      JSON.stringify(company),
      company.source,
      now,
    )
    .run();
}

export async function loadCompany(db: D1Database, siren: string): Promise<{ company: Firmographics; fetchedAt: number } | null> {
  const row = await db
    .prepare("SELECT record, fetched_at AS fetchedAt FROM companies WHERE siren = ?")
    .bind(siren)
    .first<{ record: string; fetchedAt: number }>();
  return row ? { company: JSON.parse(row.record) as Firmographics, fetchedAt: row.fetchedAt } : null;
}

/** The stored firmographics of many companies in one query (absent SIRENs are simply missing from the map). */
export async function loadCompanies(db: D1Database, sirens: Iterable<string>): Promise<Map<string, Firmographics>> {
  const list = [...new Set(sirens)];
  if (list.length === 0) return new Map();
  const { results } = await db
    .prepare("SELECT siren, record FROM companies WHERE siren IN (SELECT value FROM json_each(?))")
    .bind(JSON.stringify(list))
    .all<{ siren: string; record: string }>();
  return new Map(results.map((r) => [r.siren, JSON.parse(r.record) as Firmographics]));
}
