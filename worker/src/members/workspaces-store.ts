import { DEFAULT_PROVIDER_CHAIN } from "../identify/providers";
import { newId } from "../lib/ids";
import { DEFAULT_SLA_HOURS } from "@sillage/shared/lifecycle/sla";

/** Firmographics providers a workspace can chain (shared/src/providers). */
export const PROVIDER_IDS = ["sirene-local", "recherche-entreprises", "pappers"] as const;
export type ProviderIdSetting = (typeof PROVIDER_IDS)[number];

export interface WorkspaceSettings {
  id: string;
  name: string;
  keepRawIp: boolean;
  retentionDays: number;
  slaHours: number;
  /** Storage each site may add per UTC day, in MB (hits past it are dropped as site_quota_exceeded). */
  siteDailyQuotaMb: number;
  /** Providers tried in order: the workspace's choice, or the default chain. */
  providerChain: string[];
  providerChainIsDefault: boolean;
  createdAt: number;
}

export type WorkspacePatch = Partial<Pick<WorkspaceSettings, "name" | "keepRawIp" | "retentionDays" | "slaHours" | "siteDailyQuotaMb">> & {
  providerChain?: ProviderIdSetting[];
};

interface Row {
  id: string;
  name: string;
  keepRawIp: number;
  retentionDays: number;
  slaHours: number;
  siteDailyQuotaMb: number;
  providerChain: string | null;
  createdAt: number;
}

const SELECT = `SELECT id, name, keep_raw_ip AS keepRawIp, retention_days AS retentionDays, sla_hours AS slaHours,
  site_daily_quota_mb AS siteDailyQuotaMb, provider_chain AS providerChain, created_at AS createdAt FROM workspaces`;

function toSettings(row: Row): WorkspaceSettings {
  const stored = row.providerChain ? (JSON.parse(row.providerChain) as string[]) : null;
  return {
    id: row.id,
    name: row.name,
    keepRawIp: !!row.keepRawIp,
    retentionDays: row.retentionDays,
    slaHours: row.slaHours,
    siteDailyQuotaMb: row.siteDailyQuotaMb,
    providerChain: stored?.length ? stored : [...DEFAULT_PROVIDER_CHAIN],
    providerChainIsDefault: !stored?.length,
    createdAt: row.createdAt,
  };
}

/** The workspace's handover SLA in hours (the default for a workspace that is gone). */
export async function workspaceSlaHours(db: D1Database, workspaceId: string): Promise<number> {
  const row = await db.prepare("SELECT sla_hours AS slaHours FROM workspaces WHERE id = ?").bind(workspaceId).first<{ slaHours: number }>();
  return row?.slaHours ?? DEFAULT_SLA_HOURS;
}

export async function getWorkspace(db: D1Database, workspaceId: string): Promise<WorkspaceSettings | null> {
  const row = await db.prepare(`${SELECT} WHERE id = ?`).bind(workspaceId).first<Row>();
  return row ? toSettings(row) : null;
}

export async function listWorkspaces(db: D1Database): Promise<WorkspaceSettings[]> {
  const { results } = await db.prepare(`${SELECT} ORDER BY created_at, id`).all<Row>();
  return results.map(toSettings);
}

/** A new workspace with the schema's defaults (395 days of retention, 48 h SLA, default provider chain). */
export async function createWorkspace(db: D1Database, name: string, now: number): Promise<WorkspaceSettings> {
  const id = newId("ws");
  await db.prepare("INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?)").bind(id, name, now).run();
  return (await getWorkspace(db, id))!;
}

const COLUMN: Record<keyof WorkspacePatch, string> = {
  name: "name",
  keepRawIp: "keep_raw_ip",
  retentionDays: "retention_days",
  slaHours: "sla_hours",
  siteDailyQuotaMb: "site_daily_quota_mb",
  providerChain: "provider_chain",
};

/** Writes the given fields only (validated by the route's schema). Null when the workspace does not exist. */
export async function updateWorkspace(db: D1Database, workspaceId: string, patch: WorkspacePatch): Promise<WorkspaceSettings | null> {
  const entries = (Object.keys(COLUMN) as (keyof WorkspacePatch)[]).filter((k) => patch[k] !== undefined);
  if (entries.length > 0) {
    const values = entries.map((k) => {
      const v = patch[k];
      return k === "providerChain" ? JSON.stringify(v) : typeof v === "boolean" ? (v ? 1 : 0) : v;
    });
    await db
      .prepare(`UPDATE workspaces SET ${entries.map((k) => `${COLUMN[k]} = ?`).join(", ")} WHERE id = ?`)
      .bind(...values, workspaceId)
      .run();
  }
  return getWorkspace(db, workspaceId);
}
