import { accessibleText, labelKey } from "./text";

// Error pages keep the record's URL, so their heading would otherwise be read as a company name.
// Patterns name a subject ("page", "record", "fiche"…) so that a company called "L'Introuvable" is safe.
const SUBJECT = "(?:page|record|fiche|enregistrement|organisation|organization|personne|person|contact|entreprise|company|compte|account|profil|profile)";
const NOT_FOUND_PATTERNS = [
  new RegExp(String.raw`\b${SUBJECT}\s+(?:introuvable|not found|inexistante?|indisponible|unavailable)\b`),
  new RegExp(String.raw`\b${SUBJECT}\s+(?:n'existe pas|n'existe plus|doesn't exist|does not exist|no longer exists)`),
  new RegExp(String.raw`\b${SUBJECT}\s+(?:has been|was|a ete)\s+(?:deleted|supprimee?)\b`),
  new RegExp(String.raw`\b(?:this|cette|cet|ce)\s+${SUBJECT}\s+(?:isn't|is not|n'est pas|n'est plus)\s+(?:available|disponible)`),
];

/** True when the title or a main heading announces an error page. */
export function isNotFoundPage(doc: Document): boolean {
  const texts = [
    doc.title,
    ...Array.from(doc.querySelectorAll("h1, h2"))
      .slice(0, 5)
      .map((h) => accessibleText(h)),
  ];
  return texts.some((t) => {
    const key = labelKey(t ?? "");
    return NOT_FOUND_PATTERNS.some((re) => re.test(key));
  });
}
