import type { Extraction, PageExtractor, PageKind } from "./types";

/** Reads the pages of a set of extractors. A content script takes only its site's extractors, so each script
 * bundles only what it runs. */
export interface PageReader {
  /** Which page kind a URL is, without reading the document (e.g. to decide whether to wait for it). */
  kindOf(url: URL): PageKind | undefined;
  /** The company or person the page is about. Pure: same document and URL, same answer. */
  read(doc: Document, url: URL): Extraction;
}

/** URL patterns do not overlap, so the order of `extractors` does not matter. */
export function pageReader(extractors: readonly PageExtractor[]): PageReader {
  const find = (url: URL) => extractors.find((e) => e.matches(url));
  return {
    kindOf: (url) => find(url)?.page,
    read: (doc, url) => find(url)?.extract(doc, url) ?? { kind: "none", reason: "unsupported-page" },
  };
}
