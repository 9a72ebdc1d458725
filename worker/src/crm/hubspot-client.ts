import { asText, bestMatch, keyTypes, type CompanyIdentity, type CrmClient, type CrmCompany, type CrmTask } from "./client";
import { CrmRejected } from "./errors";
import { PROPERTY_SPECS, type FieldKeys, type ValueType } from "./fields";
import { CrmHttp, type CrmHttpOptions } from "./http";

export const HUBSPOT_DEFAULT_URL = "https://api.hubapi.com";
const SPECS = PROPERTY_SPECS.hubspot;
const OWNER = "hubspot_owner_id";
/** HubSpot-defined association type "task to company". */
const TASK_TO_COMPANY = 192;
/** Tasks of a company read when looking for one a lost answer may have created (HubSpot's page size), and per batch read. */
const TASK_SCAN = 500;
const BATCH_READ = 100;

interface HubSpotObject {
  id: string;
  properties: Record<string, string | null>;
}

const FIELD_TYPES: Record<ValueType, { type: string; fieldType: string }> = {
  string: { type: "string", fieldType: "text" },
  text: { type: "string", fieldType: "textarea" },
  number: { type: "number", fieldType: "number" },
  date: { type: "date", fieldType: "date" },
};

/**
 * HubSpot CRM v3 with a private-app token (scopes: crm.objects.companies.read/write, crm.schemas.companies.read/write,
 * crm.objects.contacts.write for tasks). One search call finds a company by SIREN, domain or name (three OR-ed filter groups).
 */
export class HubSpotClient implements CrmClient {
  readonly crm = "hubspot" as const;
  readonly http: CrmHttp;

  constructor(token: string, opts: { baseUrl?: string } & Pick<CrmHttpOptions, "backoffScale" | "maxInlineWaitMs">) {
    this.http = new CrmHttp({
      ...opts,
      baseUrl: opts.baseUrl ?? HUBSPOT_DEFAULT_URL,
      headers: { authorization: `Bearer ${token}` },
      errorText: (b) => (b && typeof b === "object" && "message" in b ? String((b as { message: unknown }).message) : null),
    });
  }

  async whoAmI(): Promise<string> {
    const details = await this.http.request<{ portalId: number }>("GET", "/account-info/v3/details");
    return String(details!.portalId);
  }

  async setUpFields(known: FieldKeys | null): Promise<FieldKeys> {
    const keys: FieldKeys = {};
    for (const s of SPECS) keys[s.field] = s.key!;
    if (known && SPECS.every((s) => known[s.field] === s.key)) return known;
    const existing = await this.http.request<{ results: { name: string }[] }>("GET", "/crm/v3/properties/companies");
    const names = new Set(existing!.results.map((p) => p.name));
    for (const s of SPECS.filter((s) => s.custom && !names.has(s.key!))) {
      try {
        await this.http.request("POST", "/crm/v3/properties/companies", {
          name: s.key,
          label: s.label,
          ...FIELD_TYPES[s.type],
          groupName: "companyinformation",
          description: "Écrit par Sillage",
        });
      } catch (err) {
        // Created meanwhile by another sync: what we wanted.
        if (!(err instanceof CrmRejected && err.status === 409)) throw err;
      }
    }
    return keys;
  }

  private properties(keys: FieldKeys): string[] {
    return [...new Set([...Object.values(keys), OWNER])];
  }

  private company(o: HubSpotObject): CrmCompany {
    const values: Record<string, string | null> = {};
    for (const [k, v] of Object.entries(o.properties ?? {})) values[k] = asText(v);
    return { id: String(o.id), ownerId: values[OWNER] ?? null, values };
  }

  async get(id: string, keys: FieldKeys): Promise<CrmCompany | null> {
    const o = await this.http.request<HubSpotObject>(
      "GET",
      `/crm/v3/objects/companies/${encodeURIComponent(id)}?properties=${this.properties(keys).join(",")}`,
      undefined,
      { notFoundIsNull: true },
    );
    return o ? this.company(o) : null;
  }

  async find(identity: CompanyIdentity, keys: FieldKeys) {
    const groups = (
      [
        [keys.siren, identity.siren],
        [keys.domain, identity.domain],
        [keys.name, identity.name],
      ] as const
    )
      .filter(([k, v]) => k && v)
      .map(([propertyName, value]) => ({ filters: [{ propertyName: propertyName!, operator: "EQ", value: value! }] }));
    if (!groups.length) return null;
    const res = await this.http.request<{ total: number; results: HubSpotObject[] }>("POST", "/crm/v3/objects/companies/search", {
      filterGroups: groups,
      properties: this.properties(keys),
      limit: 100,
    });
    return bestMatch(
      res!.results.map((o) => this.company(o)),
      identity,
      keys,
    );
  }

  async create(values: Record<string, string>, keys: FieldKeys): Promise<CrmCompany> {
    const o = await this.http.request<HubSpotObject>("POST", "/crm/v3/objects/companies", { properties: this.typed(values, keys) }, { creates: true });
    return this.company(o!);
  }

  async update(id: string, values: Record<string, string>, keys: FieldKeys): Promise<void> {
    await this.http.request("PATCH", `/crm/v3/objects/companies/${encodeURIComponent(id)}`, { properties: this.typed(values, keys) });
  }

  /** HubSpot takes every property value as a string; dates as YYYY-MM-DD. */
  private typed(values: Record<string, string>, keys: FieldKeys): Record<string, string> {
    const types = keyTypes(SPECS, keys);
    return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, types.get(k) === "date" ? v.slice(0, 10) : v]));
  }

  async createTask(companyId: string, ownerId: string | null, task: CrmTask): Promise<string> {
    const o = await this.http.request<{ id: string }>(
      "POST",
      "/crm/v3/objects/tasks",
      {
        properties: {
          hs_timestamp: new Date(task.dueAt).toISOString(),
          hs_task_subject: task.subject,
          hs_task_body: task.body,
          hs_task_status: "NOT_STARTED",
          hs_task_priority: "HIGH",
          hs_task_type: "TODO",
          ...(ownerId ? { hubspot_owner_id: ownerId } : {}),
        },
        associations: [{ to: { id: companyId }, types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: TASK_TO_COMPANY }] }],
      },
      { creates: true },
    );
    return String(o!.id);
  }

  async findTask(companyId: string, ref: string): Promise<string | null> {
    const links = await this.http.request<{ results: { toObjectId: number | string }[] }>(
      "GET",
      `/crm/v4/objects/companies/${encodeURIComponent(companyId)}/associations/tasks?limit=${TASK_SCAN}`,
      undefined,
      { notFoundIsNull: true },
    );
    const ids = (links?.results ?? []).map((r) => String(r.toObjectId)).slice(-TASK_SCAN);
    for (let i = 0; i < ids.length; i += BATCH_READ) {
      const batch = await this.http.request<{ results: HubSpotObject[] }>("POST", "/crm/v3/objects/tasks/batch/read", {
        properties: ["hs_task_body"],
        inputs: ids.slice(i, i + BATCH_READ).map((id) => ({ id })),
      });
      const found = batch!.results.find((t) => t.properties?.hs_task_body?.includes(ref));
      if (found) return String(found.id);
    }
    return null;
  }

  recordRef(account: string, id: string): string {
    return `hubspot:${account}/${id}`;
  }
}
