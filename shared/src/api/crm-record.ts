// CRM record URLs and ids: parsing and identity, shared by the worker (links, lookup?crm=) and the extension.

/**
 * A CRM record's identity: what a `crm-record` link stores and what `lookup?crm=` compares. Every address of
 * the same record (a regional HubSpot host, HubSpot's legacy and current URLs, the Lightning or my.salesforce.com
 * host, a 15- or 18-character Salesforce id, a tab or a query string) gives the same identity:
 *
 * - HubSpot company `hubspot:<portal>/<companyId>`, contact `hubspot:<portal>/contact/<contactId>`;
 * - Salesforce account, contact or lead `salesforce:<My Domain>/<18-character id>` (the id's prefix, 001, 003
 *   or 00Q, says which object; the My Domain is the host without `.lightning.force.com` / `.my.salesforce.com`);
 * - Pipedrive organisation `pipedrive:<subdomain>/<orgId>`, person `pipedrive:<subdomain>/person/<personId>`.
 *
 * The record URLs read are the ones the extension's page extractors recognise (extension/src/extractors).
 */
export type CrmRecord =
  | { crm: "hubspot"; portal: string; object: "company" | "contact"; id: string }
  | { crm: "salesforce"; org: string; object: SalesforceObject; id: string }
  | { crm: "pipedrive"; subdomain: string; object: "organization" | "person"; id: string };

type SalesforceObject = "Account" | "Contact" | "Lead";
/** Key prefixes: the first three characters of every Salesforce id say its object. */
const SALESFORCE_PREFIXES: Record<string, SalesforceObject> = { "001": "Account", "003": "Contact", "00Q": "Lead" };
const SALESFORCE_SUFFIX_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
const NUMBER = "(\\d{1,20})";

/** The 3-character suffix that makes a 15-character (case-sensitive) id an 18-character (case-safe) one. */
function salesforceSuffix(id15: string): string {
  let suffix = "";
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) if (/[A-Z]/.test(id15[chunk * 5 + i]!)) bits |= 1 << i;
    suffix += SALESFORCE_SUFFIX_CHARS[bits];
  }
  return suffix;
}

/**
 * A Salesforce record id as its 18-character form: a 15-character id gets its suffix; an 18-character id whose
 * case was lost (lower-cased by a spreadsheet…) gets it back from its suffix, which is what the suffix is for.
 * Null for anything else, or a suffix that contradicts the id.
 */
export function salesforceId18(raw: string): string | null {
  if (!/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(raw)) return null;
  const head = raw.slice(0, 15);
  if (raw.length === 15) return head + salesforceSuffix(head);
  const tail = raw.slice(15).toUpperCase();
  if (salesforceSuffix(head) === tail) return head + tail;
  let restored = "";
  for (let i = 0; i < 15; i++) {
    const bits = SALESFORCE_SUFFIX_CHARS.indexOf(tail[Math.floor(i / 5)]!);
    if (bits < 0) return null;
    const upper = ((bits >> (i % 5)) & 1) === 1;
    const ch = head[i]!;
    if (/[a-z]/i.test(ch)) restored += upper ? ch.toUpperCase() : ch.toLowerCase();
    else if (upper) return null;
    else restored += ch;
  }
  return restored + tail;
}

function salesforceRecordOf(org: string, rawId: string, claimed?: string): CrmRecord | null {
  const id = salesforceId18(rawId);
  const object = id ? SALESFORCE_PREFIXES[id.slice(0, 3)] : undefined;
  if (!id || !object || (claimed !== undefined && claimed !== object)) return null;
  return { crm: "salesforce", org, object, id };
}

const SALESFORCE_HOST = /^([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)?)\.(?:lightning\.force|my\.salesforce)\.com$/;
const ORG = "([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9-]+)?)";

/** `hubspot:…`, `salesforce:…`, `pipedrive:…` as `crmRecordId` writes them (prefix and account in any case). */
function parseRecordId(s: string): CrmRecord | null {
  let m = new RegExp(`^hubspot:${NUMBER}/(?:(contact)/)?${NUMBER}$`, "i").exec(s);
  if (m) return { crm: "hubspot", portal: m[1]!, object: m[2] ? "contact" : "company", id: m[3]! };
  m = new RegExp(`^salesforce:${ORG}/([a-z0-9]{15}|[a-z0-9]{18})$`, "i").exec(s);
  if (m) return salesforceRecordOf(m[1]!.toLowerCase(), m[2]!);
  m = new RegExp(`^pipedrive:([a-z0-9-]{1,63})/(?:(person)/)?${NUMBER}$`, "i").exec(s);
  if (m) return { crm: "pipedrive", subdomain: m[1]!.toLowerCase(), object: m[2] ? "person" : "organization", id: m[3]! };
  return null;
}

/** A record page's address, with or without its scheme. */
function parseRecordUrl(s: string): CrmRecord | null {
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(s) ? s : `https://${s.replace(/^\/\//, "")}`);
  } catch {
    return null;
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || url.username || url.password) return null;
  const host = url.hostname.toLowerCase();
  const path = url.pathname;
  if (/^app(?:-[a-z0-9]+)?\.hubspot\.com$/.test(host)) {
    // Object type 0-1 is contacts, 0-2 companies; older URLs spell it out.
    const m = /^\/contacts\/(\d{1,20})\/(?:record\/(0-1|0-2)|(company|contact))\/(\d{1,20})(?:\/|$)/.exec(path);
    if (!m) return null;
    const object = m[2] === "0-2" || m[3] === "company" ? "company" : "contact";
    return { crm: "hubspot", portal: m[1]!, object, id: m[4]! };
  }
  const org = SALESFORCE_HOST.exec(host)?.[1];
  if (org) {
    const lightning = /^\/lightning\/r\/(Account|Contact|Lead)\/([a-zA-Z0-9]{15,18})(?:\/|$)/.exec(path);
    if (lightning) return salesforceRecordOf(org, lightning[2]!, lightning[1]!);
    // The Classic address, which Lightning redirects to the record page: https://<org>.my.salesforce.com/<id>
    const classic = /^\/([a-zA-Z0-9]{15}|[a-zA-Z0-9]{18})\/?$/.exec(path);
    return classic ? salesforceRecordOf(org, classic[1]!) : null;
  }
  const subdomain = /^([a-z0-9-]{1,63})\.pipedrive\.com$/.exec(host)?.[1];
  if (subdomain) {
    const m = /^\/(organization|person)\/(\d{1,20})(?:\/|$)/.exec(path);
    return m ? { crm: "pipedrive", subdomain, object: m[1] as "organization" | "person", id: m[2]! } : null;
  }
  return null;
}

/** The record a CRM record URL or id designates; null when it is neither (another site, another kind of page). */
export function parseCrmRecord(input: string): CrmRecord | null {
  const s = input.trim();
  if (!s || s.length > 500 || /\s/.test(s)) return null;
  return parseRecordId(s) ?? parseRecordUrl(s);
}

/** The record's identity (see `CrmRecord`). */
function recordKey(record: CrmRecord): string {
  switch (record.crm) {
    case "hubspot":
      return `hubspot:${record.portal}/${record.object === "contact" ? "contact/" : ""}${record.id}`;
    case "salesforce":
      return `salesforce:${record.org}/${record.id}`;
    case "pipedrive":
      return `pipedrive:${record.subdomain}/${record.object === "person" ? "person/" : ""}${record.id}`;
  }
}

/**
 * A CRM record URL or id → the record's identity, e.g. "https://app-eu1.hubspot.com/contacts/26541873/record/0-2/18437520931/view/1"
 * → "hubspot:26541873/18437520931". Null when the input designates no HubSpot, Salesforce or Pipedrive record.
 */
export function crmRecordId(input: string): string | null {
  const record = parseCrmRecord(input);
  return record ? recordKey(record) : null;
}

/** The address that opens the record (app.hubspot.com sends each portal to its own region). */
export function crmRecordUrl(input: string): string | null {
  const record = parseCrmRecord(input);
  switch (record?.crm) {
    case undefined:
      return null;
    case "hubspot":
      return `https://app.hubspot.com/contacts/${record.portal}/record/${record.object === "company" ? "0-2" : "0-1"}/${record.id}`;
    case "salesforce":
      return `https://${record.org}.lightning.force.com/lightning/r/${record.object}/${record.id}/view`;
    case "pipedrive":
      return `https://${record.subdomain}.pipedrive.com/${record.object}/${record.id}`;
  }
}
