import { metaContent } from "./structured-data";

/**
 * LinkedIn's logged-out pages name what they are in `<meta name="pageKey">` ("public_profile_v3_desktop",
 * "d_org_guest_company_overview"); the signed-in app has no such tag. When LinkedIn answers a profile or company
 * URL with another page (its guest homepage "d_homepage-guest-home", a sign-in wall), the URL still matches but
 * the document is not about that member or company: its headings and title must not be read as a name.
 */
export function isAnotherLinkedInPage(doc: Document, expected: RegExp): boolean {
  const key = metaContent(doc, "pageKey");
  // The signed-in app ("d_flagship3_…") moves between pages without reloading its <head>: after an in-page
  // navigation from a company to a profile, its key still names the company. Only logged-out pages are judged.
  return key !== undefined && !key.startsWith("d_flagship") && !expected.test(key);
}
