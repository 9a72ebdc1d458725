import type { CollectEnvelope } from "../envelope";
import { drop, pass, type Step } from "./result";

const NUMERIC_FIELDS = new Set(["ms"]);

/** Pixel query → the same shape as a /collect body. `p.<name>=…` parameters become event props. */
function fromQuery(query: Record<string, string>, referer: string): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  const props: Record<string, string> = {};
  for (const [k, v] of Object.entries(query)) {
    if (k.startsWith("p.")) props[k.slice(2)] = v;
    else raw[k] = NUMERIC_FIELDS.has(k) ? Number(v) : v;
  }
  if (Object.keys(props).length) raw.props = props;
  // A <noscript> image cannot know its page: the browser's Referer is that page.
  if (raw.url === undefined && referer) raw.url = referer;
  return raw;
}

/** Step 1 — bytes to an object, or body_too_large / malformed_json / invalid_payload. */
export function parse(env: CollectEnvelope): Step<Record<string, unknown>> {
  if (env.oversized) return drop("body_too_large");
  if (env.source === "pixel") return pass(fromQuery(env.query ?? {}, env.headers.referer));
  let value: unknown;
  try {
    value = JSON.parse(env.body ?? "");
  } catch {
    return drop("malformed_json");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return drop("invalid_payload");
  return pass(value as Record<string, unknown>);
}
