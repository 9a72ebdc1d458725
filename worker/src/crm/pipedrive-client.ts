import { asText, bestMatch, keyTypes, type CompanyIdentity, type CrmClient, type CrmCompany, type CrmTask, type FoundCompany, type MatchBy } from "./client";
import { PROPERTY_SPECS, type FieldKeys, type ValueType } from "./fields";
import { CrmHttp, type CrmHttpOptions } from "./http";

const SPECS = PROPERTY_SPECS.pipedrive;
/** Search hits checked one by one (each costs a GET) before giving up on a level. */
const CANDIDATES_CHECKED = 3;
/** Activities of an organisation read per page, and pages at most, when looking for one a lost answer may have created. */
const TASK_PAGE = 100;
const TASK_PAGES = 5;

interface PipedriveEnvelope<T> {
  success: boolean;
  data: T;
  additional_data?: { pagination?: { more_items_in_collection?: boolean; next_start?: number } };
}
type PipedriveOrg = Record<string, unknown> & { id: number; owner_id?: unknown; active_flag?: boolean };

const FIELD_TYPES: Record<ValueType, string> = { string: "varchar", text: "text", number: "double", date: "date" };

/** https://<company>.pipedrive.com/api, unless PIPEDRIVE_API_URL says otherwise (tests: the local fake). */
export const pipedriveBaseUrl = (companyDomain: string, override?: string) => override ?? `https://${companyDomain}.pipedrive.com/api`;

/**
 * Pipedrive API v1 with a personal API token (`x-api-token`). Organizations are searched by exact term, level by
 * level (SIREN, then domain, then name), and every hit is read back to check the field really holds the value:
 * the search matches the term in any custom field.
 */
export class PipedriveClient implements CrmClient {
  readonly crm = "pipedrive" as const;
  readonly http: CrmHttp;

  constructor(
    token: string,
    private readonly companyDomain: string,
    opts: { baseUrl?: string } & Pick<CrmHttpOptions, "backoffScale" | "maxInlineWaitMs">,
  ) {
    this.http = new CrmHttp({
      ...opts,
      baseUrl: pipedriveBaseUrl(companyDomain, opts.baseUrl),
      headers: { "x-api-token": token },
      errorText: (b) => (b && typeof b === "object" && "error" in b ? String((b as { error: unknown }).error) : null),
    });
  }

  async whoAmI(): Promise<string> {
    const me = await this.http.request<PipedriveEnvelope<{ company_domain: string }>>("GET", "/v1/users/me");
    return me!.data.company_domain || this.companyDomain;
  }

  async setUpFields(known: FieldKeys | null): Promise<FieldKeys> {
    if (known && SPECS.every((s) => known[s.field])) return known;
    const res = await this.http.request<PipedriveEnvelope<{ key: string; name: string }[] | null>>("GET", "/v1/organizationFields?limit=500");
    const byName = new Map((res!.data ?? []).map((f) => [f.name.trim().toLowerCase(), f.key]));
    const keys: FieldKeys = {};
    for (const s of SPECS) {
      if (!s.custom) {
        keys[s.field] = s.key!;
        continue;
      }
      const existing = byName.get(s.label.toLowerCase());
      if (existing) {
        keys[s.field] = existing;
        continue;
      }
      const created = await this.http.request<PipedriveEnvelope<{ key: string }>>("POST", "/v1/organizationFields", {
        name: s.label,
        field_type: FIELD_TYPES[s.type],
      });
      keys[s.field] = created!.data.key;
    }
    return keys;
  }

  private company(o: PipedriveOrg): CrmCompany {
    const values: Record<string, string | null> = {};
    for (const [k, v] of Object.entries(o)) values[k] = asText(v);
    const owner = o.owner_id;
    const ownerId = owner && typeof owner === "object" ? asText((owner as { id?: unknown }).id) : asText(owner);
    return { id: String(o.id), ownerId, values };
  }

  async get(id: string): Promise<CrmCompany | null> {
    const res = await this.http.request<PipedriveEnvelope<PipedriveOrg | null>>("GET", `/v1/organizations/${encodeURIComponent(id)}`, undefined, {
      notFoundIsNull: true,
    });
    return res?.data && res.data.active_flag !== false ? this.company(res.data) : null;
  }

  async find(identity: CompanyIdentity, keys: FieldKeys): Promise<FoundCompany | null> {
    const levels: [MatchBy, string | null, string][] = [
      ["siren", identity.siren, "custom_fields"],
      ["domain", identity.domain, "custom_fields"],
      ["name", identity.name, "name"],
    ];
    for (const [by, term, fields] of levels) {
      if (!term || !keys[by]) continue;
      const q = new URLSearchParams({ term, fields, exact_match: "true", limit: "10" });
      const res = await this.http.request<PipedriveEnvelope<{ items: { item: { id: number } }[] }>>("GET", `/v1/organizations/search?${q}`);
      const ids = (res!.data?.items ?? []).map((i) => i.item.id).sort((a, b) => a - b);
      const checked: CrmCompany[] = [];
      for (const id of ids.slice(0, CANDIDATES_CHECKED)) {
        const c = await this.get(String(id));
        if (c) checked.push(c);
      }
      const match = bestMatch(checked, { siren: null, domain: null, name: null, [by]: term }, keys);
      if (match) return match;
    }
    return null;
  }

  /** Pipedrive wants numbers for numeric fields. */
  private typed(values: Record<string, string>, keys: FieldKeys): Record<string, string | number> {
    const types = keyTypes(SPECS, keys);
    return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, types.get(k) === "number" && Number.isFinite(Number(v)) ? Number(v) : v]));
  }

  async create(values: Record<string, string>, keys: FieldKeys): Promise<CrmCompany> {
    const res = await this.http.request<PipedriveEnvelope<PipedriveOrg>>("POST", "/v1/organizations", this.typed(values, keys), { creates: true });
    return this.company(res!.data);
  }

  async update(id: string, values: Record<string, string>, keys: FieldKeys): Promise<void> {
    await this.http.request("PUT", `/v1/organizations/${encodeURIComponent(id)}`, this.typed(values, keys));
  }

  async createTask(companyId: string, ownerId: string | null, task: CrmTask): Promise<string> {
    const due = new Date(task.dueAt).toISOString();
    const res = await this.http.request<PipedriveEnvelope<{ id: number }>>(
      "POST",
      "/v1/activities",
      {
        subject: task.subject,
        type: "task",
        due_date: due.slice(0, 10),
        due_time: due.slice(11, 16),
        org_id: Number(companyId),
        note: task.body,
        ...(ownerId ? { user_id: Number(ownerId) } : {}),
      },
      { creates: true },
    );
    return String(res!.data.id);
  }

  async findTask(companyId: string, ref: string): Promise<string | null> {
    for (let start = 0, pages = 0; pages < TASK_PAGES; pages++) {
      const res = await this.http.request<PipedriveEnvelope<{ id: number; note?: string | null }[] | null>>(
        "GET",
        `/v1/organizations/${encodeURIComponent(companyId)}/activities?start=${start}&limit=${TASK_PAGE}`,
        undefined,
        { notFoundIsNull: true },
      );
      const found = (res?.data ?? []).find((a) => a.note?.includes(ref));
      if (found) return String(found.id);
      const page = res?.additional_data?.pagination;
      if (!page?.more_items_in_collection || page.next_start === undefined) return null;
      start = page.next_start;
    }
    return null;
  }

  recordRef(account: string, id: string): string {
    return `pipedrive:${account}/${id}`;
  }
}
