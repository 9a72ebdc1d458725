import { z } from "zod";
import { HEADCOUNT_CODES } from "./headcount";
import { NAF_SECTION_LETTERS } from "./naf-sections";
import { isValidSiren, isValidSiret } from "./siren";

export const FIRMOGRAPHICS_SOURCES = ["recherche-entreprises", "sirene-local", "pappers"] as const;
export type FirmographicsSource = (typeof FIRMOGRAPHICS_SOURCES)[number];

export const COMPANY_CATEGORIES = ["PME", "ETI", "GE"] as const;
export type CompanyCategory = (typeof COMPANY_CATEGORIES)[number];

const isoDate = z.iso.date();
const year = z.number().int().min(1900).max(2100);

/**
 * What Sillage knows about a French legal unit, whichever provider it came from. Flat on purpose: it maps
 * one-to-one onto a D1 row, a CSV export line and the extension's overlay. Unknown values are null, never
 * guessed; `headcount*` always describe the legal unit, not its head office.
 */
export const firmographicsSchema = z.object({
  source: z.enum(FIRMOGRAPHICS_SOURCES),
  siren: z.string().refine(isValidSiren, "invalid SIREN"),
  headOfficeSiret: z.string().refine(isValidSiret, "invalid SIRET").nullable(),
  /** Legal name (dénomination, or first name + last name of a sole trader); null when not diffusible. */
  name: z.string().min(1).nullable(),
  /** Other names the unit is known by: acronym, trade names, shop signs, usual names. */
  aliases: z.array(z.string().min(1)),
  legalFormCode: z
    .string()
    .regex(/^\d{4}$/)
    .nullable(),
  legalFormLabel: z.string().nullable(),
  nafCode: z.string().nullable(),
  nafLabel: z.string().nullable(),
  nafSection: z.enum(NAF_SECTION_LETTERS).nullable(),
  nafSectionLabel: z.string().nullable(),
  headcountCode: z.enum(HEADCOUNT_CODES).nullable(),
  headcountMin: z.number().int().min(0).nullable(),
  /** null for the open-ended 10,000+ bracket, or when the bracket is unknown */
  headcountMax: z.number().int().min(0).nullable(),
  headcountLabel: z.string().nullable(),
  headcountYear: year.nullable(),
  /** Turnover (chiffre d'affaires) in euros of the latest filed year. */
  revenue: z.number().nullable(),
  netIncome: z.number().nullable(),
  financesYear: year.nullable(),
  category: z.enum(COMPANY_CATEGORIES).nullable(),
  categoryYear: year.nullable(),
  /** Head office, one line as published. */
  address: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  departementCode: z.string().nullable(),
  departementName: z.string().nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  /** Set when the head office is abroad (a foreign company registered in France). */
  foreignCountry: z.string().nullable(),
  createdOn: isoDate.nullable(),
  ceasedOn: isoDate.nullable(),
  active: z.boolean(),
  vatNumber: z
    .string()
    .regex(/^FR\d{11}$/)
    .nullable(),
  establishmentCount: z.number().int().min(0).nullable(),
  openEstablishmentCount: z.number().int().min(0).nullable(),
  /** State, local authority or public body: an organisation of its own kind, not a prospect company. */
  publicBody: z.boolean(),
  association: z.boolean(),
  /** False for sole traders who opted out of publication: their name and address are withheld. */
  diffusible: z.boolean(),
});
export type Firmographics = z.infer<typeof firmographicsSchema>;
