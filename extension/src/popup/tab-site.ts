/** What the popup can say about the current tab's site. */
import { pageKindOf } from "../extractors/index";
import { websiteDomain } from "../extractors/domain";

export type TabSite =
  | { kind: "none" }
  /** LinkedIn or a CRM record: the overlay is already on the page. */
  | { kind: "overlaid" }
  | { kind: "website"; domain: string };

export function tabSite(url: string | undefined): TabSite {
  if (!url) return { kind: "none" };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: "none" };
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return { kind: "none" };
  if (pageKindOf(parsed)) return { kind: "overlaid" };
  const domain = websiteDomain(parsed.href);
  return domain ? { kind: "website", domain } : { kind: "none" };
}
