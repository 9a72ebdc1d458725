import type { CrmKind } from "../db/schema/crm-connections";

/** What Sillage writes on a CRM company, by logical name (the mapping and the preview use these names). */
export const CRM_FIELDS = [
  "name",
  "domain",
  "siren",
  "siret",
  "naf",
  "headcount",
  "revenue",
  "revenueYear",
  "address",
  "postalCode",
  "city",
  "score",
  "status",
  "mqlDate",
  "scoreExplanation",
  "lastPages",
] as const;
export type CrmField = (typeof CRM_FIELDS)[number];

/**
 * - `if_unchanged`: written when the CRM value is empty or still what Sillage last wrote; a value a salesperson
 *   typed is kept;
 * - `always`: Sillage's value wins;
 * - `never`: not written.
 */
export const FIELD_POLICIES = ["if_unchanged", "always", "never"] as const;
export type FieldPolicy = (typeof FIELD_POLICIES)[number];
export type FieldMapping = Partial<Record<CrmField, FieldPolicy>>;

/** Sillage's own fields follow Sillage; firmographics and identity defer to what a salesperson edited. */
const SILLAGE_OWNED: ReadonlySet<CrmField> = new Set(["score", "status", "mqlDate", "scoreExplanation", "lastPages"]);
export const policyOf = (mapping: FieldMapping, field: CrmField): FieldPolicy => mapping[field] ?? (SILLAGE_OWNED.has(field) ? "always" : "if_unchanged");

export type ValueType = "string" | "text" | "number" | "date";

/** A property of the CRM: standard (`key` fixed) or created by the connection (`label`). */
export interface PropertySpec {
  field: CrmField;
  type: ValueType;
  label: string;
  /** HubSpot: the property's internal name (standard or custom). Pipedrive: the key of a standard field; custom fields get a generated key. */
  key?: string;
  custom: boolean;
}

const hubspot: PropertySpec[] = [
  { field: "name", type: "string", label: "Company name", key: "name", custom: false },
  { field: "domain", type: "string", label: "Company domain name", key: "domain", custom: false },
  { field: "siren", type: "string", label: "SIREN", key: "siren", custom: true },
  { field: "siret", type: "string", label: "SIRET (siège)", key: "sillage_siret", custom: true },
  { field: "naf", type: "string", label: "Code NAF", key: "sillage_naf", custom: true },
  { field: "headcount", type: "string", label: "Tranche d'effectif", key: "sillage_headcount", custom: true },
  { field: "revenue", type: "number", label: "Annual revenue", key: "annualrevenue", custom: false },
  { field: "revenueYear", type: "number", label: "Année du chiffre d'affaires", key: "sillage_revenue_year", custom: true },
  { field: "address", type: "string", label: "Street address", key: "address", custom: false },
  { field: "postalCode", type: "string", label: "Postal code", key: "zip", custom: false },
  { field: "city", type: "string", label: "City", key: "city", custom: false },
  { field: "score", type: "number", label: "Score Sillage", key: "sillage_score", custom: true },
  { field: "status", type: "string", label: "Statut Sillage", key: "sillage_status", custom: true },
  { field: "mqlDate", type: "date", label: "Date MQL (Sillage)", key: "sillage_mql_date", custom: true },
  { field: "scoreExplanation", type: "text", label: "Explication du score (Sillage)", key: "sillage_score_explanation", custom: true },
  { field: "lastPages", type: "text", label: "Dernières pages vues (Sillage)", key: "sillage_last_pages", custom: true },
];

// Pipedrive's address is one string it geocodes itself (postal code and city are read-only parts of it).
const pipedrive: PropertySpec[] = [
  { field: "name", type: "string", label: "Name", key: "name", custom: false },
  { field: "domain", type: "string", label: "Domaine web", custom: true },
  { field: "siren", type: "string", label: "SIREN", custom: true },
  { field: "siret", type: "string", label: "SIRET (siège)", custom: true },
  { field: "naf", type: "string", label: "Code NAF", custom: true },
  { field: "headcount", type: "string", label: "Tranche d'effectif", custom: true },
  { field: "revenue", type: "number", label: "Chiffre d'affaires", custom: true },
  { field: "revenueYear", type: "number", label: "Année du chiffre d'affaires", custom: true },
  { field: "address", type: "string", label: "Address", key: "address", custom: false },
  { field: "score", type: "number", label: "Score Sillage", custom: true },
  { field: "status", type: "string", label: "Statut Sillage", custom: true },
  { field: "mqlDate", type: "date", label: "Date MQL (Sillage)", custom: true },
  { field: "scoreExplanation", type: "text", label: "Explication du score (Sillage)", custom: true },
  { field: "lastPages", type: "text", label: "Dernières pages vues (Sillage)", custom: true },
];

export const PROPERTY_SPECS: Record<CrmKind, readonly PropertySpec[]> = { hubspot, pipedrive };

/** Logical field → the CRM's property key, as set up on the connection. */
export type FieldKeys = Partial<Record<CrmField, string>>;
