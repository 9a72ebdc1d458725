import type { HitSource } from "@sillage/shared/hit-types";
import { MAX_BODY_BYTES } from "@sillage/shared/collect-payload";
import { readBoundedBody } from "../http/request-body";

/**
 * What the edge captures from a /collect or /p.gif request, before any validation, so that the browser is
 * answered at once and the whole pipeline (including the drops) runs in the queue consumer.
 */
export interface CollectEnvelope {
  requestId: string;
  source: HitSource;
  receivedAt: number;
  /** Raw body of POST /collect; undefined for the pixel or when over the size limit. */
  body?: string;
  /** Query parameters of GET /p.gif. */
  query?: Record<string, string>;
  oversized?: boolean;
  ip: string | null;
  headers: {
    userAgent: string;
    referer: string;
    dnt: string;
    gpc: string;
    /** Sec-Purpose / Purpose / X-Purpose / X-Moz: set by prefetch and prerender. */
    purpose: string;
    secChUa: string;
  };
  cf: { country?: string; asn?: number; asOrganization?: string; location?: VisitLocation };
}

/** Where Cloudflare places the visitor (`cf.city`, `postalCode`, `region`, coordinates): to pick their office. */
export interface VisitLocation {
  city?: string;
  postalCode?: string;
  region?: string;
  latitude?: number;
  longitude?: number;
}

interface CaptureEnv {
  SILLAGE_TRUST_CLIENT_IP?: string;
}

/** The simulated visitor IP (local mode only), when the request carries one. */
function simulatedIp(req: Request, env: CaptureEnv): string | null {
  if (env.SILLAGE_TRUST_CLIENT_IP !== "1") return null;
  return req.headers.get("X-Sillage-Client-IP")?.trim().slice(0, 64) || null;
}

/** The visitor's IP: Cloudflare's header in production; the simulation header only in local mode. */
export function clientIp(req: Request, env: CaptureEnv): string | null {
  return simulatedIp(req, env) ?? req.headers.get("CF-Connecting-IP");
}

function headerBag(req: Request): CollectEnvelope["headers"] {
  const h = req.headers;
  return {
    userAgent: (h.get("User-Agent") ?? "").slice(0, 512),
    referer: (h.get("Referer") ?? "").slice(0, 2048),
    dnt: h.get("DNT") ?? "",
    gpc: h.get("Sec-GPC") ?? "",
    purpose: [h.get("Sec-Purpose"), h.get("Purpose"), h.get("X-Purpose"), h.get("X-Moz")].filter(Boolean).join(",").slice(0, 100),
    secChUa: (h.get("Sec-CH-UA") ?? "").slice(0, 256),
  };
}

/**
 * Cloudflare's view of the connection (network, country). It describes the real connection, so it is ignored
 * when a simulated IP stands for the visitor; `wrangler dev` also fills it with placeholder values.
 */
function cfProps(req: Request, env: CaptureEnv): CollectEnvelope["cf"] {
  const cf = (req as Request & { cf?: IncomingRequestCfProperties }).cf;
  if (simulatedIp(req, env)) return simulatedLocation(req);
  if (!cf) return {};
  const text = (v: unknown, max: number) => (typeof v === "string" && v.trim() ? v.trim().slice(0, max) : undefined);
  const coord = (v: unknown) => ((typeof v === "string" || typeof v === "number") && Number.isFinite(Number(v)) ? Number(v) : undefined);
  const location: VisitLocation = {
    city: text(cf.city, 100),
    postalCode: text(cf.postalCode, 12),
    region: text(cf.region, 100),
    latitude: coord(cf.latitude),
    longitude: coord(cf.longitude),
  };
  return {
    country: typeof cf.country === "string" ? cf.country : undefined,
    asn: typeof cf.asn === "number" ? cf.asn : undefined,
    asOrganization: typeof cf.asOrganization === "string" ? cf.asOrganization : undefined,
    location: Object.values(location).some((v) => v !== undefined) ? location : undefined,
  };
}

/** Local mode only, with a simulated IP: X-Sillage-Client-City / -Postal-Code stand for Cloudflare's geolocation. */
function simulatedLocation(req: Request): CollectEnvelope["cf"] {
  const city = req.headers.get("X-Sillage-Client-City")?.trim().slice(0, 100) || undefined;
  const postalCode = req.headers.get("X-Sillage-Client-Postal-Code")?.trim().slice(0, 12) || undefined;
  return city || postalCode ? { location: { city, postalCode } } : {};
}

export async function captureCollect(req: Request, env: CaptureEnv, requestId: string): Promise<CollectEnvelope> {
  // Reads at most MAX_BODY_BYTES (+ one chunk): an oversized body costs nothing more than the limit.
  const read = await readBoundedBody(req, MAX_BODY_BYTES);
  const body = read.ok ? new TextDecoder().decode(read.bytes) : undefined;
  return {
    requestId,
    source: "collect",
    receivedAt: Date.now(),
    body,
    oversized: !read.ok,
    ip: clientIp(req, env),
    headers: headerBag(req),
    cf: cfProps(req, env),
  };
}

export function capturePixel(req: Request, env: CaptureEnv, requestId: string): CollectEnvelope {
  const url = new URL(req.url);
  const query: Record<string, string> = {};
  let size = 0;
  for (const [k, v] of url.searchParams) {
    size += k.length + v.length;
    query[k] = v;
  }
  const oversized = size > MAX_BODY_BYTES;
  return {
    requestId,
    source: "pixel",
    receivedAt: Date.now(),
    query: oversized ? undefined : query,
    oversized,
    ip: clientIp(req, env),
    headers: headerBag(req),
    cf: cfProps(req, env),
  };
}
