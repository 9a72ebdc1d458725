import { readFileSync } from "node:fs";
import { Window } from "happy-dom";

/** Parses a saved page from this folder into a happy-dom Document (scripts are never run). `edit` rewrites its
 * HTML first (a page re-targeted at another company: same structure, other words). */
export function loadPage(file: string, url: string, edit: (html: string) => string = (html) => html): { doc: Document; url: URL } {
  const html = edit(readFileSync(new URL(`./${file}`, import.meta.url), "utf8"));
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true } });
  const doc = new window.DOMParser().parseFromString(html, "text/html") as unknown as Document;
  return { doc, url: new URL(url) };
}
