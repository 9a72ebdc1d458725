/**
 * The sites the extension reads, per content script: the one list the manifest (content scripts, the panel's
 * web-accessible resource) is built from.
 */
export const SITE_MATCHES = {
  linkedin: ["https://www.linkedin.com/*"],
  hubspot: ["https://app.hubspot.com/*", "https://app-eu1.hubspot.com/*"],
  salesforce: ["https://*.lightning.force.com/*"],
  pipedrive: ["https://*.pipedrive.com/*"],
} as const;

export const OVERLAID_SITES: string[] = Object.values(SITE_MATCHES).flat();
