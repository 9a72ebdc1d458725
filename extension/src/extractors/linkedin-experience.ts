import { companySlugFromHref, companyUrlFromSlug } from "./linkedin-url";
import { EXPERIENCE_HEADINGS, OPEN_END_WORDS } from "./linkedin-ui-text";
import { accessibleText, isHidden, labelKey, normaliseSpace, spacedText } from "./text";

/** One entry of a profile's Experience section (a company, possibly with several roles). */
export interface Position {
  companyName?: string;
  slug?: string;
  linkedinCompanyUrl?: string;
  current: boolean;
}

// Applied to labelKey()'d text: lowercase, accents stripped, curly apostrophes straightened. The
// visible line says "Jan 2021 - Present"; the screen-reader copy says "Jan 2021 to Present" ("bis", "hasta"…).
const RANGE_SEPARATOR = String.raw`\s*(?:[-–—]|\bto\b|\ba\b|\bau\b|\bbis\b|\bhasta\b|\bate\b|\bal\b|\btot\b|\bdo\b)\s*`;
const OPEN_END = String.raw`(?:a\s+)?(?:${[...OPEN_END_WORDS].sort((a, b) => b.length - a.length).join("|")})\b`;
const DATE_RANGE = new RegExp(String.raw`\b\d{4}${RANGE_SEPARATOR}(?:\S+\.?\s+(?:de\s+)?)?(?:\d{4}|${OPEN_END})`);
const OPEN_RANGE = new RegExp(String.raw`\b\d{4}${RANGE_SEPARATOR}${OPEN_END}`);
const HEADINGS = new Set(EXPERIENCE_HEADINGS);

/** The Experience section: LinkedIn's `#experience` anchor, the guest page's `data-section`, or a
 * section headed "Experience" / "Expérience". */
export function experienceSection(doc: Document): Element | undefined {
  const anchor = doc.getElementById("experience");
  const byAnchor = anchor?.closest("section");
  if (byAnchor) return byAnchor;
  const guest = doc.querySelector('section[data-section="experience"]');
  if (guest) return guest;
  return Array.from(doc.querySelectorAll("section")).find((s) => {
    const heading = s.querySelector("h2, h3");
    return heading !== null && HEADINGS.has(labelKey(accessibleText(heading)));
  });
}

/** List items of the section that are not nested in another item (roles grouped under a company are). */
function topLevelItems(section: Element): Element[] {
  return Array.from(section.querySelectorAll("li")).filter((li) => {
    const outer = li.parentElement?.closest("li");
    return !outer || !section.contains(outer);
  });
}

/** The card's own lines, leaving out nested lists (grouped roles, skills, descriptions). */
function headerLines(item: Element): string[] {
  const out: string[] = [];
  const visit = (el: Element): void => {
    if (isHidden(el) || (el !== item && (el.tagName === "UL" || el.tagName === "OL"))) return;
    let own = "";
    for (const child of Array.from(el.childNodes)) if (child.nodeType === 3) own += child.nodeValue ?? "";
    const text = normaliseSpace(own);
    if (text) out.push(text);
    for (const child of Array.from(el.children)) visit(child);
  };
  visit(item);
  return out;
}

/**
 * The company name in a logo's alt text, whatever LinkedIn wraps it in: "Doctolib logo", "Logo de Doctolib",
 * "Logo d’Alan", "axiom.ai In-browser Robotic Process Automation’s logo" (Sales Navigator), "Swedbank Graphic"
 * and "Audiense, graphic" (guest pages). Only a fallback: a link's own text names the company better.
 */
export function nameFromLogoAlt(alt: string | null | undefined): string | undefined {
  const s = normaliseSpace(alt ?? "")
    .replace(/^(?:logo\s+(?:de\s+|d['’]\s*|of\s+|for\s+)?|view organization page for\s+|click here to view\s+)/i, "")
    .replace(/(?:['’]s?)?\s+logo$/i, "")
    .replace(/,?\s+graphic$/i, "")
    .trim();
  return s && !/^(?:logo|graphic)$/i.test(s) ? s : undefined;
}

/** "Doctolib · Full-time" → "Doctolib"; a date or duration line is not a name. */
function nameFromLine(line: string | undefined): string | undefined {
  const name = line?.split(" · ")[0]?.trim();
  if (!name || DATE_RANGE.test(labelKey(name))) return undefined;
  return name;
}

/** A link that is just the company's name (guest pages, Sales Navigator); LinkedIn's logged-in link wraps the
 * whole card, and a logo link has no text at all. */
function linkText(link: Element): string | undefined {
  return headerLines(link).length === 1 ? accessibleText(link) || undefined : undefined;
}

function companyName(item: Element, companyLinks: Element[], grouped: boolean): string | undefined {
  for (const link of companyLinks) {
    const text = linkText(link);
    if (text) return text;
  }
  for (const link of companyLinks) {
    const fromAlt = nameFromLogoAlt(link.querySelector("img[alt]")?.getAttribute("alt"));
    if (fromAlt) return fromAlt;
  }
  const lines = headerLines(item);
  // A grouped entry leads with the company; a single role leads with the job title.
  return nameFromLine(grouped ? lines[0] : lines[1]);
}

/**
 * Whether the entry is held today: its FIRST date range (the entry's own dates, or its latest role's when roles
 * are grouped) is open. Ranges further down belong to descriptions ("led the 2019 – present roadmap") or to
 * older roles, and say nothing about the entry.
 */
function isCurrent(text: string): boolean {
  const first = DATE_RANGE.exec(text);
  return first !== null && OPEN_RANGE.test(first[0]);
}

export function parsePosition(item: Element): Position {
  const text = labelKey(spacedText(item));
  const grouped = Array.from(item.querySelectorAll("li")).some((li) => DATE_RANGE.test(labelKey(spacedText(li))));
  const companyLinks = Array.from(item.querySelectorAll("a[href]")).filter((a) => companySlugFromHref(a.getAttribute("href")) !== undefined);
  const slug = companySlugFromHref(companyLinks[0]?.getAttribute("href"));
  const name = companyName(item, companyLinks, grouped);
  return {
    current: isCurrent(text),
    ...(name ? { companyName: name } : {}),
    ...(slug ? { slug, linkedinCompanyUrl: companyUrlFromSlug(slug) } : {}),
  };
}

/** Positions in page order. */
export function experiencePositions(doc: Document): Position[] {
  const section = experienceSection(doc);
  return section ? topLevelItems(section).map(parsePosition) : [];
}
