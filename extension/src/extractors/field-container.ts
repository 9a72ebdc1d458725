import type { FieldValue } from "./labelled-field";
import { isHiddenInTree, normaliseSpace, ownTexts } from "./text";

// A link whose target does something on the page rather than pointing at the value.
const ACTION_HREF = /^(?:javascript:|#)/i;

/**
 * Reads a CRM field container that holds both its label and its value (HubSpot's
 * `data-selenium-test="property-input-…"`, Salesforce's `data-target-selection-name`): a form control if
 * there is one, else the lines after the label.
 */
export function fieldContainerValue(container: Element | null | undefined): FieldValue | undefined {
  if (!container || isHiddenInTree(container)) return undefined;
  const control = container.querySelector("input, textarea");
  if (control) {
    const live = (control as { value?: unknown }).value;
    const text = normaliseSpace(typeof live === "string" ? live : (control.getAttribute("value") ?? ""));
    return text ? { text } : undefined;
  }
  const lines = ownTexts(container, (e) => e.tagName === "BUTTON");
  // The first line is the label; a container with a single line holds no value.
  const text = normaliseSpace(lines.slice(1).join(" "));
  if (!text || /^[-–—]+$/.test(text)) return undefined;
  const link = Array.from(container.querySelectorAll("a[href]")).find((a) => !ACTION_HREF.test(a.getAttribute("href") ?? ""));
  const href = link?.getAttribute("href") ?? undefined;
  return href ? { text, href } : { text };
}

/** The first visible element matching `selector`, read as a field container. */
export function fieldBySelector(root: ParentNode, selector: string): FieldValue | undefined {
  for (const el of Array.from(root.querySelectorAll(selector))) {
    const v = fieldContainerValue(el);
    if (v) return v;
  }
  return undefined;
}
