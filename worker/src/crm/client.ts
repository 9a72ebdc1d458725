import type { CrmKind } from "../db/schema/crm-connections";
import type { CrmValues } from "./field-plan";
import type { FieldKeys, PropertySpec, ValueType } from "./fields";
import type { CrmHttp } from "./http";

/** A company (HubSpot) or organization (Pipedrive), with the property values Sillage maps. */
export interface CrmCompany {
  id: string;
  ownerId: string | null;
  values: CrmValues;
}

export type MatchBy = "siren" | "domain" | "name";

/** How a company is recognised in the CRM, strongest first. */
export interface CompanyIdentity {
  siren: string | null;
  domain: string | null;
  name: string | null;
}

export interface FoundCompany {
  by: MatchBy;
  company: CrmCompany;
  /** Companies that matched at that level (more than one: the CRM already had duplicates; the oldest is used). */
  candidates: number;
}

export interface CrmTask {
  subject: string;
  body: string;
  dueAt: number;
}

/** What the sync needs from a CRM; one implementation per CRM (hubspot-client.ts, pipedrive-client.ts). */
export interface CrmClient {
  readonly crm: CrmKind;
  readonly http: CrmHttp;
  /** The account the token belongs to, as record ids name it (HubSpot portal id, Pipedrive company domain). */
  whoAmI(): Promise<string>;
  /** Finds or creates the custom properties (the `siren` one first); returns every field's key. */
  setUpFields(known: FieldKeys | null): Promise<FieldKeys>;
  get(id: string, keys: FieldKeys): Promise<CrmCompany | null>;
  find(identity: CompanyIdentity, keys: FieldKeys): Promise<FoundCompany | null>;
  create(values: Record<string, string>, keys: FieldKeys): Promise<CrmCompany>;
  update(id: string, values: Record<string, string>, keys: FieldKeys): Promise<void>;
  createTask(companyId: string, ownerId: string | null, task: CrmTask): Promise<string>;
  /** The company's task whose body quotes `ref` (a try that may have created it lost the answer), or null. */
  findTask(companyId: string, ref: string): Promise<string | null>;
  /** The record's canonical id for lead links: `hubspot:<portal>/<id>`, `pipedrive:<subdomain>/<id>`. */
  recordRef(account: string, id: string): string;
}

/** A CRM value as Sillage compares it: text, or null when empty. */
export function asText(v: unknown): string | null {
  if (v == null || v === "") return null;
  if (typeof v === "object") return "value" in (v as object) ? asText((v as { value: unknown }).value) : JSON.stringify(v);
  return String(v);
}

/** Property key → value type, for the keys set up on a connection. */
export function keyTypes(specs: readonly PropertySpec[], keys: FieldKeys): Map<string, ValueType> {
  const out = new Map<string, ValueType>();
  for (const s of specs) {
    const key = keys[s.field];
    if (key) out.set(key, s.type);
  }
  return out;
}

const norm = (s: string | null | undefined) => (s ?? "").trim().toLowerCase().replace(/\s+/g, " ");

/**
 * Among companies a CRM search returned, the one that matches best: same SIREN, else same web domain, else same
 * legal name (case and spacing aside). Ties go to the oldest record (the lowest id: both CRMs number records
 * in creation order). Pure.
 */
export function bestMatch(companies: readonly CrmCompany[], identity: CompanyIdentity, keys: FieldKeys): FoundCompany | null {
  const levels: [MatchBy, string | undefined, string | null][] = [
    ["siren", keys.siren, identity.siren],
    ["domain", keys.domain, identity.domain],
    ["name", keys.name, identity.name],
  ];
  for (const [by, key, wanted] of levels) {
    if (!key || !wanted) continue;
    const hits = companies.filter((c) => norm(c.values[key]) === norm(wanted));
    if (hits.length) {
      const oldest = [...hits].sort((a, b) => Number(a.id) - Number(b.id) || a.id.localeCompare(b.id))[0]!;
      return { by, company: oldest, candidates: hits.length };
    }
  }
  return null;
}
