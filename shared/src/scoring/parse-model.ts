import type { z } from "zod";
import { modelSchema, type Model } from "./model-schema";

export type ParseModelResult = { ok: true; model: Model } | { ok: false; errors: string[] };

/** `["rules", 2, "when", "path"]` → `rules[2].when.path`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (typeof segment === "string" && /^[A-Za-z_$][\w$]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

/** One line per problem, each naming the offending field: `rules[2].when.path: invalid regex`. */
export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = formatIssuePath(issue.path);
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}

/** Validates a workspace's scoring model (JSON from D1 or from the API) and fills in defaults. */
export function parseModel(input: unknown): ParseModelResult {
  const result = modelSchema.safeParse(input);
  return result.success ? { ok: true, model: result.data } : { ok: false, errors: formatIssues(result.error) };
}

export class InvalidModelError extends Error {
  constructor(readonly errors: string[]) {
    super(`invalid scoring model:\n${errors.join("\n")}`);
    this.name = "InvalidModelError";
  }
}

export function assertModel(input: unknown): Model {
  const result = parseModel(input);
  if (!result.ok) throw new InvalidModelError(result.errors);
  return result.model;
}
