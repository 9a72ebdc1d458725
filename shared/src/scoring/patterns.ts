/**
 * URL/path and text patterns used by scoring rules.
 *
 * - a glob: `*` matches any run of characters (slashes included); everything else is literal.
 *   `/tarifs*` matches `/tarifs`, `/tarifs/`, `/tarifs/entreprise`. `?` is literal because it starts URL queries.
 * - `regex:<source>`: a JavaScript regular expression, unanchored.
 * Both are case-insensitive: marketers type `/Tarifs` and sites serve `/tarifs`.
 */
export type Pattern = string;

export const REGEX_PREFIX = "regex:";
export const MAX_PATTERN_LENGTH = 300;

export interface CompiledPattern {
  readonly source: Pattern;
  test(value: string): boolean;
}

/** Why a pattern cannot be used, or null when it is fine. Shared by the model schema and compilePattern. */
export function patternProblem(pattern: string): string | null {
  if (pattern.length === 0) return "empty pattern";
  if (pattern.length > MAX_PATTERN_LENGTH) return `pattern longer than ${MAX_PATTERN_LENGTH} characters`;
  if (!pattern.startsWith(REGEX_PREFIX)) return null;
  const source = pattern.slice(REGEX_PREFIX.length);
  if (source.length === 0) return "invalid regex: empty";
  try {
    new RegExp(source, "i");
  } catch {
    return "invalid regex";
  }
  // Rules run on every hit inside a Worker: a backtracking bomb would stall the queue consumer.
  if (hasNestedQuantifier(source)) return "invalid regex: nested quantifiers like (a+)+ can backtrack catastrophically";
  return null;
}

export function compilePattern(pattern: Pattern): CompiledPattern {
  const problem = patternProblem(pattern);
  if (problem) throw new Error(`${problem}: ${pattern}`);
  const re = pattern.startsWith(REGEX_PREFIX)
    ? new RegExp(pattern.slice(REGEX_PREFIX.length), "i")
    : globToRegExp(pattern);
  return { source: pattern, test: (value) => re.test(value) };
}

/** A list of patterns that matches when any of them does. */
export function compilePatterns(patterns: Pattern | readonly Pattern[]): CompiledPattern {
  const list = (typeof patterns === "string" ? [patterns] : patterns).map(compilePattern);
  if (list.length === 1) return list[0]!;
  return { source: list.map((p) => p.source).join(" | "), test: (value) => list.some((p) => p.test(value)) };
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${body}$`, "is");
}

/**
 * Heuristic for `(x+)+`, `(x*)*`, `(x+){2,}`: a group containing an unbounded quantifier, itself quantified
 * without bound. Not a full ReDoS analysis, but it rejects the classic shapes.
 */
function hasNestedQuantifier(source: string): boolean {
  const stack: boolean[] = []; // per open group: does it contain an unbounded quantifier?
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      continue;
    }
    if (c === "[") inClass = true;
    else if (c === "(") stack.push(false);
    else if (c === ")") {
      const inner = stack.pop() ?? false;
      const unboundedAfter = isUnboundedQuantifierAt(source, i + 1);
      if (inner && unboundedAfter) return true;
      if ((inner || unboundedAfter) && stack.length > 0) stack[stack.length - 1] = true;
    } else if (isUnboundedQuantifierAt(source, i) && stack.length > 0) {
      stack[stack.length - 1] = true;
    }
  }
  return false;
}

function isUnboundedQuantifierAt(source: string, i: number): boolean {
  const c = source[i];
  if (c === "+" || c === "*") return true;
  if (c === "{") return /^\{\d*,\}/.test(source.slice(i));
  return false;
}
