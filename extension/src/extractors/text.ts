import { resolve, type Source } from "./lazy";

/** Reading text the way a screen reader would, so that visual duplicates and icons do not leak in. */

const SKIPPED_TAGS = new Set(["SCRIPT", "STYLE", "TEMPLATE", "NOSCRIPT", "SVG", "svg", "IFRAME"]);
// Inline formatting that does not separate words; every other element boundary counts as a space.
const INLINE_TAGS = new Set(["B", "I", "EM", "STRONG", "U", "MARK", "SMALL", "SUB", "SUP", "ABBR"]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Collapses runs of whitespace (including no-break spaces) and trims. */
export function normaliseSpace(s: string): string {
  return s.replace(/[\s\u00a0\u202f]+/g, " ").trim();
}

/** Key for comparing labels across languages and punctuation: "Nom de domaine :" ≡ "nom de domaine". */
export function labelKey(s: string): string {
  return normaliseSpace(
    s
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[’‘]/g, "'")
      .toLowerCase()
      .replace(/[:*\s]+$/u, ""),
  );
}

/** Hidden from assistive technology, so not what the user reads either. LinkedIn renders each line
 * twice (an aria-hidden copy and a visually-hidden copy); skipping one of them removes the echo. */
export function isHidden(el: Element): boolean {
  return SKIPPED_TAGS.has(el.tagName) || el.hasAttribute("hidden") || el.getAttribute("aria-hidden") === "true";
}

/** Hidden itself or inside a hidden ancestor. */
export function isHiddenInTree(el: Element): boolean {
  return isHidden(el) || el.closest('[aria-hidden="true"], [hidden]') !== null;
}

/** The element's readable text, whitespace-normalised. */
export function accessibleText(node: Node | null | undefined): string {
  if (!node) return "";
  const parts: string[] = [];
  walk(node, parts, false);
  return normaliseSpace(parts.join(""));
}

/** All text, including aria-hidden copies, with element boundaries as spaces (unlike textContent,
 * which glues "Full-time" to the "2021" of the next line). */
export function spacedText(node: Node | null | undefined): string {
  if (!node) return "";
  const parts: string[] = [];
  walk(node, parts, true);
  return normaliseSpace(parts.join(""));
}

function walk(node: Node, parts: string[], includeAriaHidden: boolean): void {
  if (node.nodeType === TEXT_NODE) {
    parts.push(node.nodeValue ?? "");
    return;
  }
  if (node.nodeType === ELEMENT_NODE) {
    const el = node as Element;
    if (includeAriaHidden ? SKIPPED_TAGS.has(el.tagName) || el.hasAttribute("hidden") : isHidden(el)) return;
    const spaced = !INLINE_TAGS.has(el.tagName);
    if (spaced) parts.push(" ");
    for (const child of Array.from(el.childNodes)) walk(child, parts, includeAriaHidden);
    if (spaced) parts.push(" ");
    return;
  }
  // Documents and fragments (shadow roots): just descend.
  for (const child of Array.from(node.childNodes)) walk(child, parts, includeAriaHidden);
}

/** Each visible element's own text, in document order: the "lines" a card shows. `skip` prunes
 * subtrees (inline-edit buttons, nested lists). */
export function ownTexts(root: Element, skip: (el: Element) => boolean = () => false): string[] {
  const out: string[] = [];
  const visit = (el: Element): void => {
    if (isHidden(el) || (el !== root && skip(el))) return;
    let own = "";
    for (const child of Array.from(el.childNodes)) {
      if (child.nodeType === TEXT_NODE) own += child.nodeValue ?? "";
    }
    const text = normaliseSpace(own);
    if (text) out.push(text);
    for (const child of Array.from(el.children)) visit(child);
  };
  visit(root);
  return out;
}

/** A value's text without its controls ("Edit Website" assistive text on an inline-edit button), unless
 * the value is itself a button (click-to-edit values), in which case its text is the value. */
export function valueText(el: Element): string {
  const lines = ownTexts(el, (e) => e.tagName === "BUTTON");
  return lines.length ? normaliseSpace(lines.join(" ")) : accessibleText(el);
}

const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT, spelled out: extractors also run where NodeFilter is not global.

/** Whether the element holds more than `max` characters of (trimmed) text. Stops as soon as it knows,
 * unlike `textContent.length`, which reads the whole subtree of every large container. */
export function hasMoreTextThan(el: Element, max: number): boolean {
  const walker = el.ownerDocument.createTreeWalker(el, SHOW_TEXT);
  let total = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    total += (n.nodeValue ?? "").trim().length;
    if (total > max) return true;
  }
  return false;
}

/** First non-empty string, or undefined; function sources are only called until one answers. */
export function firstOf(...sources: Array<Source<string | undefined | null>>): string | undefined {
  for (const source of sources) {
    const v = resolve(source);
    if (v && v.trim()) return v.trim();
  }
  return undefined;
}
