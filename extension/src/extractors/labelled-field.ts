import { accessibleText, hasMoreTextThan, isHidden, isHiddenInTree, labelKey, normaliseSpace, valueText } from "./text";

/** A field's value as displayed: its text, and the link it carries if any. */
export interface FieldValue {
  text: string;
  href?: string;
}

// What CRMs print in an empty field.
const EMPTY_VALUES = new Set(["", "-", "--", "—", "–", "n/a", "none", "aucun", "aucune", "add", "ajouter"]);
const CONTROL_TAGS = new Set(["INPUT", "TEXTAREA", "SELECT"]);
// Labels are short; skipping long text keeps the scan cheap on big pages.
const MAX_LABEL_LENGTH = 80;
const MAX_CLIMB = 4;

function controlValue(el: Element): string {
  const live = (el as { value?: unknown }).value;
  return typeof live === "string" ? live : (el.getAttribute("value") ?? "");
}

/** Reads a value container: a form control, else its readable text and first link. */
export function readValue(el: Element | null | undefined): FieldValue | undefined {
  if (!el || isHidden(el)) return undefined;
  const control = CONTROL_TAGS.has(el.tagName) ? el : el.querySelector("input, textarea, select");
  const text = normaliseSpace(control ? controlValue(control) : valueText(el));
  if (EMPTY_VALUES.has(text.toLowerCase())) return undefined;
  const link = el.tagName === "A" ? el : el.querySelector("a[href]");
  const href = link?.getAttribute("href")?.trim() || undefined;
  return href ? { text, href } : { text };
}

function nextElement(el: Element): Element | null {
  let next = el.nextElementSibling;
  while (next && isHidden(next)) next = next.nextElementSibling;
  return next;
}

/** Text right after the label inside the same parent: `<b>SIREN :</b> 794 598 813`. */
function trailingText(label: Element): FieldValue | undefined {
  let node = label.nextSibling;
  while (node && node.nodeType === 3 && !normaliseSpace(node.nodeValue ?? "")) node = node.nextSibling;
  if (node?.nodeType !== 3) return undefined;
  const text = normaliseSpace(node.nodeValue ?? "");
  return EMPTY_VALUES.has(text.toLowerCase()) ? undefined : { text };
}

function valueForLabel(label: Element): FieldValue | undefined {
  const doc = label.ownerDocument;
  const forId = label.tagName === "LABEL" ? label.getAttribute("for") : null;
  if (forId) return readValue(doc.getElementById(forId));
  if (label.id) {
    for (const el of Array.from(doc.querySelectorAll("[aria-labelledby]"))) {
      if ((el.getAttribute("aria-labelledby") ?? "").split(/\s+/).includes(label.id)) return readValue(el);
    }
  }
  const term = label.closest("dt, th, [role='rowheader']");
  if (term) {
    const next = nextElement(term);
    return next && (next.tagName === "DD" || next.tagName === "TD" || next.getAttribute("role") === "cell") ? readValue(next) : undefined;
  }
  const inline = trailingText(label);
  if (inline) return inline;
  // Label and value are siblings at some level: climb until the label's box has a next sibling. If that
  // sibling is empty the field is empty: never skip ahead to the next field's value.
  let box: Element | null = label;
  for (let i = 0; box && i <= MAX_CLIMB; i++, box = box.parentElement) {
    const next = nextElement(box);
    if (next) return readValue(next);
  }
  return undefined;
}

/**
 * The value of the first field on the page labelled with one of `labels` (any language; compared
 * case-, accent- and colon-insensitively, and exactly, so "Name" does not match "Company name").
 * Works for `<label for>`, aria-labelledby, `<dt>/<dd>`, table rows, and label/value sibling layouts.
 */
/** Letters and digits only: a cheap fingerprint to rule elements out before reading their text properly. */
function squash(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[^\p{L}\p{N}]|\p{M}/gu, "")
    .toLowerCase();
}

export function labelledValue(root: ParentNode, labels: readonly string[]): FieldValue | undefined {
  const wanted = new Set(labels.map(labelKey));
  const fingerprints = labels.map(squash);
  for (const el of Array.from(root.querySelectorAll("*"))) {
    if (CONTROL_TAGS.has(el.tagName)) {
      const aria = el.getAttribute("aria-label");
      if (aria && wanted.has(labelKey(aria))) {
        const v = readValue(el);
        if (v) return v;
      }
      continue;
    }
    // Cheapest tests first: most elements are containers far longer than any label.
    if (hasMoreTextThan(el, MAX_LABEL_LENGTH)) continue;
    // textContent also holds hidden copies, so it contains the label's letters whenever the readable
    // text equals the label; most elements fail this test without the slower accessible-text walk.
    const raw = squash(el.textContent ?? "");
    if (!fingerprints.some((f) => raw.includes(f))) continue;
    const text = accessibleText(el);
    if (!text || !wanted.has(labelKey(text))) continue;
    // A link reading "Website" is a value (or a button), not the label of the element after it.
    if (el.closest("a") || isHiddenInTree(el)) continue;
    const v = valueForLabel(el);
    if (v) return v;
  }
  return undefined;
}
