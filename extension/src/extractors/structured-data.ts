/** JSON-LD blocks and meta tags: what pages publish for search engines, steadier than their markup. */

export type JsonLdNode = Record<string, unknown>;

function isNode(v: unknown): v is JsonLdNode {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Every JSON-LD object on the page, with `@graph` containers and top-level arrays flattened. */
export function jsonLdNodes(doc: Document): JsonLdNode[] {
  const out: JsonLdNode[] = [];
  const add = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(add);
    else if (isNode(v)) {
      out.push(v);
      if (Array.isArray(v["@graph"])) (v["@graph"] as unknown[]).forEach(add);
    }
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      add(JSON.parse(script.textContent ?? ""));
    } catch {
      // A malformed block is skipped, not fatal: other sources may still answer.
    }
  }
  return out;
}

export function hasType(node: JsonLdNode, type: string): boolean {
  const t = node["@type"];
  return t === type || (Array.isArray(t) && t.includes(type));
}

export function jsonLdOfType(doc: Document, type: string): JsonLdNode[] {
  return jsonLdNodes(doc).filter((n) => hasType(n, type));
}

export function stringProp(node: JsonLdNode | undefined, key: string): string | undefined {
  const v = node?.[key];
  return typeof v === "string" && v.trim() ? v.trim() : undefined;
}

/** Object-valued property as a list (JSON-LD allows one object or an array of them). */
export function nodeList(node: JsonLdNode | undefined, key: string): JsonLdNode[] {
  const v = node?.[key];
  if (Array.isArray(v)) return v.filter(isNode);
  return isNode(v) ? [v] : [];
}

/** `<meta property="og:title">` or `<meta name="…">`. */
export function metaContent(doc: Document, key: string): string | undefined {
  const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`);
  const v = el?.getAttribute("content")?.trim();
  return v || undefined;
}
