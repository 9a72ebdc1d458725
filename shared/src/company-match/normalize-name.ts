/**
 * Normalises organisation names so that "Danone S.A.", "DANONE" and "danone sa" compare equal.
 *
 * Two levels are produced because a suffix like "France" or "Groupe" is sometimes part of the legal name
 * ("NATURALIA FRANCE") and sometimes only in the network registration ("Naturalia"): `full` drops only
 * legal forms; `core` also drops generic corporate words. Scoring treats a core-only match as slightly
 * weaker than a full match.
 */

export interface NormalizedName {
  /** Lower-case ASCII words, legal forms removed. */
  full: string;
  /** `full` without generic corporate suffixes/prefixes (Group, Holding, France…). */
  core: string;
  /** Words of `full` that carry meaning (articles and connectors removed), for token comparison. */
  tokens: string[];
  coreTokens: string[];
}

/** Legal forms removed wherever they appear (French forms are often written first: "SARL DUPONT"). */
const LEGAL_FORMS_ANYWHERE = new Set([
  "sa",
  "sas",
  "sasu",
  "sarl",
  "eurl",
  "snc",
  "scs",
  "sca",
  "gie",
  "geie",
  "scop",
  "scic",
  "sci",
  "scm",
  "scp",
  "selarl",
  "selas",
  "selafa",
  "selca",
  "sem",
  "spl",
  "earl",
  "gaec",
  "sccv",
  "inc",
  "incorporated",
  "ltd",
  "llc",
  "llp",
  "plc",
  "corp",
  "gmbh",
  "spa",
  "srl",
  "sarl",
  "bvba",
  "sprl",
]);

/** Short foreign forms that are also ordinary initials: removed only as the last word ("ELOTEX AG"). */
const LEGAL_FORMS_TRAILING = new Set(["ag", "kg", "se", "co", "nv", "bv", "ab", "oy", "as", "sl", "limited", "corporation", "company"]);

/** Spelled-out legal forms, matched on whole words after accents are removed. */
const LEGAL_FORM_PHRASES = [
  "societe par actions simplifiee unipersonnelle",
  "societe par actions simplifiee",
  "societe a responsabilite limitee",
  "entreprise unipersonnelle a responsabilite limitee",
  "societe anonyme",
  "societe en nom collectif",
  "societe civile immobiliere",
  "groupement d interet economique",
  "societe europeenne",
  "public limited company",
  "limited liability company",
  "gesellschaft mit beschrankter haftung",
  "and co",
  "et cie",
];

/** Generic words that do not identify a company; stripped from either end for the `core` form. */
const GENERIC_SUFFIXES = ["technology services", "groupe", "group", "holding", "holdings", "france", "international", "europe"];
const GENERIC_PREFIXES = ["groupe", "group"];

/** Connectors and articles ignored when comparing words ("LES RESTAURANTS DU COEUR" ~ "Restaurants du Coeur"). */
export const STOPWORDS = new Set(["le", "la", "les", "l", "de", "du", "des", "d", "et", "the", "of", "and", "a", "au", "aux", "en"]);

function asciiFold(input: string): string {
  return input
    .replace(/[œŒ]/g, (c) => (c === "œ" ? "oe" : "OE"))
    .replace(/[æÆ]/g, (c) => (c === "æ" ? "ae" : "AE"))
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase();
}

function stripPhrases(text: string, phrases: readonly string[]): string {
  let out = ` ${text} `;
  for (const p of phrases) out = out.split(` ${p} `).join(" ");
  return out.trim().replace(/\s+/g, " ");
}

function significant(words: string[]): string[] {
  const kept = words.filter((w) => !STOPWORDS.has(w));
  return kept.length > 0 ? kept : words;
}

function stripGeneric(words: string[]): string[] {
  const out = [...words];
  let changed = true;
  while (changed && out.length > 1) {
    changed = false;
    const joined = out.join(" ");
    for (const s of GENERIC_SUFFIXES) {
      if (joined.endsWith(` ${s}`) && joined.length > s.length + 1) {
        out.splice(out.length - s.split(" ").length);
        changed = true;
        break;
      }
    }
    if (!changed && out.length > 1 && GENERIC_PREFIXES.includes(out[0]!)) {
      out.shift();
      changed = true;
    }
  }
  return out.length > 0 ? out : words;
}

export function normalizeCompanyName(raw: string): NormalizedName {
  let text = asciiFold(raw);
  // Parenthesised parts of registry names are acronyms or trade names, handled as aliases elsewhere.
  text = text.replace(/\([^)]*\)/g, " ");
  // Dotted acronyms: "s.a.s." → "sas", "s.a.r.l" → "sarl".
  text = text.replace(/\b(?:[a-z]\.){2,}[a-z]?\.?/g, (m) => m.replace(/\./g, ""));
  text = text
    .replace(/&/g, " et ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  text = stripPhrases(text, LEGAL_FORM_PHRASES);

  const words = text.split(" ").filter(Boolean);
  let kept = words.filter((w) => !LEGAL_FORMS_ANYWHERE.has(w));
  while (kept.length > 1 && LEGAL_FORMS_TRAILING.has(kept[kept.length - 1]!)) kept = kept.slice(0, -1);
  // A name that is nothing but a legal form ("AG", "SAS") keeps its words: it is a name after all.
  if (kept.length === 0) kept = words;

  const coreWords = stripGeneric(kept);
  return {
    full: kept.join(" "),
    core: coreWords.join(" "),
    tokens: significant(kept),
    coreTokens: significant(coreWords),
  };
}
