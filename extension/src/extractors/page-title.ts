import { labelKey, normaliseSpace } from "./text";

/**
 * The entity name that leads a document title: "(3) Doctolib : À propos | LinkedIn" → "Doctolib",
 * "Doctolib | Account | Salesforce" → "Doctolib". Undefined when the leading segment is just the
 * product's own name (a page still loading says "LinkedIn" or "HubSpot").
 */
export function titleLeadingName(
  title: string | null | undefined,
  generic: readonly string[],
  opts: { colonSection?: boolean } = {},
): string | undefined {
  if (!title) return undefined;
  // LinkedIn prefixes the unread-notification count.
  let s = normaliseSpace(title).replace(/^\(\d+\+?\)\s*/, "");
  s = s.split(/\s+[|–—-]\s+/)[0] ?? "";
  // "Doctolib: About" / "Doctolib : À propos" — the part after the colon names the tab.
  if (opts.colonSection) s = s.split(/\s?:\s+/)[0] ?? "";
  s = s.trim();
  if (!s) return undefined;
  const genericKeys = new Set(generic.map(labelKey));
  return genericKeys.has(labelKey(s)) ? undefined : s;
}
