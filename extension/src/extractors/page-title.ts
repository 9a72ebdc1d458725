import { labelKey, normaliseSpace } from "./text";

/**
 * The entity name that leads a document title: "(3) Doctolib : À propos | LinkedIn" → "Doctolib",
 * "Doctolib | Account | Salesforce" → "Doctolib". Undefined when the leading segment is just the
 * product's own name (a page still loading says "LinkedIn" or "HubSpot").
 */
export function titleLeadingName(title: string | null | undefined, generic: readonly string[], opts: { colonSection?: boolean } = {}): string | undefined {
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

/** The `index`-th part of a title ("(19) Expérience | Andrew Ng | LinkedIn" → 1: "Andrew Ng"); undefined when
 * it is missing or just the product's name. */
export function titleSegment(title: string | null | undefined, generic: readonly string[], index: number): string | undefined {
  if (!title) return undefined;
  const parts = normaliseSpace(title)
    .replace(/^\(\d+\+?\)\s*/, "")
    .split(/\s+[|–—]\s+/);
  const part = parts[index]?.trim();
  if (!part) return undefined;
  return new Set(generic.map(labelKey)).has(labelKey(part)) ? undefined : part;
}

/** `text`, unless it is just the product's own wording (a sign-in wall's heading "Join LinkedIn", a loading page's
 * "LinkedIn"): such a heading names no record. */
export function notUiText(text: string | null | undefined, generic: readonly string[]): string | undefined {
  const s = text ? normaliseSpace(text) : "";
  if (!s) return undefined;
  return new Set(generic.map(labelKey)).has(labelKey(s)) ? undefined : s;
}
