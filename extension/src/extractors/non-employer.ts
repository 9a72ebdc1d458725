/**
 * What people write where an employer goes (LinkedIn's company line, a CRM's company field) that names no
 * company: working for oneself, between jobs, retired, or a company not yet named. Looking one of these up by
 * name would find whatever company happens to be called "Freelance"; a LinkedIn page by that name is a shared
 * placeholder, not the person's employer. Compared on the WHOLE name, case-, accent- and punctuation-
 * insensitively: "Freelance Republik" is a company, "Self-Employed." is not.
 */
import { labelKey } from "./text";

const TERMS = [
  // English
  "Self-employed",
  "Self employed",
  "Freelance",
  "Freelancer",
  "Freelancing",
  "Independent",
  "Independent consultant",
  "Independent contractor",
  "Sole trader",
  "Sole proprietor",
  "Own business",
  "Retired",
  "Stealth",
  "Stealth startup",
  "Stealth mode",
  "Stealth mode startup",
  "Stealth company",
  "Open to work",
  "Looking for new opportunities",
  "Seeking new opportunities",
  "Career break",
  "Unemployed",
  "Confidential",
  // French
  "Indépendant",
  "Indépendante",
  "Travailleur indépendant",
  "Travailleuse indépendante",
  "Consultant indépendant",
  "Consultante indépendante",
  "Auto-entrepreneur",
  "Auto-entrepreneuse",
  "Autoentrepreneur",
  "Micro-entrepreneur",
  "Micro-entrepreneuse",
  "Micro-entreprise",
  "Entrepreneur individuel",
  "Entreprise individuelle",
  "À mon compte",
  "À son compte",
  "Retraité",
  "Retraitée",
  "En recherche d'emploi",
  "Recherche d'emploi",
  "En recherche active",
  "Sans emploi",
  "Confidentiel",
  // German
  "Selbstständig",
  "Selbständig",
  "Selbstständige",
  "Freiberuflich",
  "Freiberufler",
  "Freiberuflerin",
  "Im Ruhestand",
  "Ruhestand",
  "Arbeitssuchend",
  // Spanish, Portuguese
  "Autónomo",
  "Autónoma",
  "Autônomo",
  "Autônoma",
  "Trabajador autónomo",
  "Trabajadora autónoma",
  "Trabalhador autônomo",
  "Por cuenta propia",
  "Independiente",
  "Jubilado",
  "Jubilada",
  "Aposentado",
  "Aposentada",
  // Italian
  "Libero professionista",
  "Libera professionista",
  "Lavoratore autonomo",
  "In pensione",
  // Dutch
  "Zelfstandige",
  "Zelfstandig ondernemer",
  "ZZP",
  "ZZP'er",
  "Gepensioneerd",
] as const;

/** Lowercase, no accents, any run of punctuation or spaces as one space: "Auto-entrepreneur" ≡ "auto entrepreneur". */
const termKey = (s: string) =>
  labelKey(s)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

const KEYS: ReadonlySet<string> = new Set(TERMS.map(termKey));

/** Whether a company name as a page shows it is one of the terms above, i.e. no company at all. */
export function isNonEmployer(name: string | undefined): boolean {
  return name !== undefined && KEYS.has(termKey(name));
}
