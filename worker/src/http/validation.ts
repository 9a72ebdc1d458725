import type { z } from "zod";
import { ApiError } from "./errors";

/** Formats zod issues as "field.path: message; …" so a 400 names what to fix. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join(".") : "(root)"}: ${i.message}`)
    .join("; ");
}

export function validationError(where: string, issues: readonly z.core.$ZodIssue[]): ApiError {
  return new ApiError("bad_request", `Invalid ${where}: ${describeIssues(issues)}`);
}
