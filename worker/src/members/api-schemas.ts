import { z } from "@hono/zod-openapi";
import { MEMBER_ROLES } from "../db/schema/members";
import { iso, isoOrNull } from "../lib/iso";
import type { ApiKeyInfo } from "./api-keys-store";
import type { Member } from "./members-store";
import type { Site } from "./sites-store";
import type { WorkspaceSettings } from "./workspaces-store";

export const roleSchema = z.enum(MEMBER_ROLES);
export const idParam = z.object({ id: z.string().min(1).max(64) });

export const memberSchema = z
  .object({ id: z.string(), email: z.string(), name: z.string(), role: roleSchema, createdAt: z.string(), removedAt: z.string().nullable() })
  .openapi("Member");
export const memberJson = (m: Member) => ({ ...m, createdAt: iso(m.createdAt), removedAt: isoOrNull(m.removedAt) });

export const apiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: roleSchema,
    prefix: z.string().openapi({ description: "First characters of the key, to recognise it", example: "slg_3f9a0c1d" }),
    member: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable().openapi({ description: "Minute resolution" }),
    revokedAt: z.string().nullable(),
  })
  .openapi("ApiKey");
export const apiKeyJson = (k: ApiKeyInfo) => ({ ...k, createdAt: iso(k.createdAt), lastUsedAt: isoOrNull(k.lastUsedAt), revokedAt: isoOrNull(k.revokedAt) });

export const siteSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    publicKey: z.string().openapi({ description: "The snippet's data-site value (public)" }),
    allowedHostnames: z.array(z.string()),
    respectDnt: z.boolean(),
    respectGpc: z.boolean(),
    createdAt: z.string(),
  })
  .openapi("Site");
export const siteJson = (s: Site) => ({ ...s, createdAt: iso(s.createdAt) });

export const workspaceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    keepRawIp: z.boolean(),
    retentionDays: z.number().int(),
    slaHours: z.number().int(),
    siteDailyQuotaMb: z.number().int(),
    providerChain: z.array(z.string()),
    providerChainIsDefault: z.boolean(),
    /** Providers of the chain this deployment cannot use (pappers without PAPPERS_API_KEY): they are skipped. */
    unavailableProviders: z.array(z.string()),
    createdAt: z.string(),
  })
  .openapi("Workspace");
export const workspaceJson = (w: WorkspaceSettings, env: { PAPPERS_API_KEY?: string }) => ({
  ...w,
  unavailableProviders: w.providerChain.filter((p) => p === "pappers" && !env.PAPPERS_API_KEY),
  createdAt: iso(w.createdAt),
});

export const hostnamesInput = z
  .array(z.string().max(300))
  .openapi({ description: 'Hostnames the snippet may run on: "www.exemple.fr", "*.exemple.fr" (all subdomains). Empty: any.', example: ["www.exemple.fr"] });
