import { RE2JS } from "re2js";
import { isSafePattern } from "redos-detector";

/**
 * URL/path and text patterns used by scoring rules.
 *
 * - a glob: `*` matches any run of characters (slashes included); everything else is literal.
 *   `/tarifs*` matches `/tarifs`, `/tarifs/`, `/tarifs/entreprise`. `?` is literal because it starts URL queries.
 * - `regex:<source>`: a regular expression in RE2 syntax (no back-references, no look-around), unanchored.
 * Both are case-insensitive: marketers type `/Tarifs` and sites serve `/tarifs`.
 *
 * Rules run on every hit in the shared enrichment consumer, so no pattern may take more than linear time:
 * regexes run on RE2JS (a linear-time engine, no backtracking), globs on a two-pointer matcher (O(path × pattern)),
 * and a value is cut at MAX_MATCHED_LENGTH before matching. On top of that, a `regex:` pattern that a backtracking
 * engine could blow up on — `(a|a)*$`, `(a+)+` — is refused when the model is saved (redos-detector): it is
 * almost always a mistake, and a model must stay safe wherever it is copied to.
 */
export type Pattern = string;

export const REGEX_PREFIX = "regex:";
export const MAX_PATTERN_LENGTH = 300;
/** Paths and values longer than this are matched on their first MAX_MATCHED_LENGTH characters. */
export const MAX_MATCHED_LENGTH = 2048;

export interface CompiledPattern {
  readonly source: Pattern;
  test(value: string): boolean;
}

/** Budget of the backtracking analysis (steps decide; the clock is only a safety net); running out means "refused". */
const REDOS_CHECK = { maxScore: 20, maxSteps: 1000, timeout: 3000 } as const;
const problemCache = new Map<string, string | null>();
const PROBLEM_CACHE_SIZE = 500;

/** Why a pattern cannot be used, or null when it is fine. Shared by the model schema and the signal config. */
export function patternProblem(pattern: string): string | null {
  const cached = problemCache.get(pattern);
  if (cached !== undefined) return cached;
  const problem = findProblem(pattern);
  // Models are parsed again whenever an isolate loads them: analyse each pattern once.
  if (problemCache.size >= PROBLEM_CACHE_SIZE) problemCache.delete(problemCache.keys().next().value!);
  problemCache.set(pattern, problem);
  return problem;
}

function findProblem(pattern: string): string | null {
  const syntax = syntaxProblem(pattern);
  if (syntax || !pattern.startsWith(REGEX_PREFIX)) return syntax;
  const source = pattern.slice(REGEX_PREFIX.length);
  // Anchored as the analysis expects; RE2JS runs it unanchored in linear time whatever the verdict.
  const verdict = isSafePattern(`^(?:${source})`, { caseInsensitive: true, ...REDOS_CHECK });
  if (!verdict.safe) {
    return verdict.error === "timedOut" || verdict.error === "hitMaxSteps"
      ? "regex too complex to prove it cannot backtrack catastrophically: simplify it or use a glob (`*`)"
      : "regex can backtrack catastrophically (the same text matches it in several ways, as in (a|a)* or (a+)+): simplify it or use a glob (`*`)";
  }
  return null;
}

/** The cheap checks: length, and a regex that RE2 accepts. */
function syntaxProblem(pattern: string): string | null {
  if (pattern.length === 0) return "empty pattern";
  if (pattern.length > MAX_PATTERN_LENGTH) return `pattern longer than ${MAX_PATTERN_LENGTH} characters`;
  if (!pattern.startsWith(REGEX_PREFIX)) return null;
  const source = pattern.slice(REGEX_PREFIX.length);
  if (source.length === 0) return "invalid regex: empty";
  try {
    RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
  } catch (err) {
    const detail = err instanceof Error ? err.message.replace(/^error parsing regexp: /, "") : "";
    return `invalid regex${detail ? `: ${detail}` : ""} (RE2 syntax: no back-references or look-around)`;
  }
  return null;
}

/** Compiles a validated pattern (the model schema ran patternProblem when the model was saved). */
export function compilePattern(pattern: Pattern): CompiledPattern {
  const problem = syntaxProblem(pattern);
  if (problem) throw new Error(`${problem}: ${pattern}`);
  if (pattern.startsWith(REGEX_PREFIX)) {
    const re = RE2JS.compile(pattern.slice(REGEX_PREFIX.length), RE2JS.CASE_INSENSITIVE);
    return { source: pattern, test: (value) => re.matcher(bounded(value)).find() };
  }
  const glob = pattern.toLowerCase();
  return { source: pattern, test: (value) => globMatches(glob, bounded(value).toLowerCase()) };
}

/** A list of patterns that matches when any of them does. */
export function compilePatterns(patterns: Pattern | readonly Pattern[]): CompiledPattern {
  const list = (typeof patterns === "string" ? [patterns] : patterns).map(compilePattern);
  if (list.length === 1) return list[0]!;
  return { source: list.map((p) => p.source).join(" | "), test: (value) => list.some((p) => p.test(value)) };
}

const bounded = (value: string) => (value.length > MAX_MATCHED_LENGTH ? value.slice(0, MAX_MATCHED_LENGTH) : value);

/**
 * Whole-value glob match where `*` is any run of characters. A backtracking regex would take O(nᵏ) on k stars
 * (`*a*a*a*a*a*!` needs 21 s on 100 characters); this keeps one resume point, the last star: O(n × m).
 */
export function globMatches(glob: string, value: string): boolean {
  let g = 0;
  let v = 0;
  let star = -1;
  let resume = 0;
  while (v < value.length) {
    if (g < glob.length && glob[g] !== "*" && glob[g] === value[v]) {
      g++;
      v++;
    } else if (g < glob.length && glob[g] === "*") {
      star = g++;
      resume = v;
    } else if (star >= 0) {
      g = star + 1;
      v = ++resume;
    } else return false;
  }
  while (g < glob.length && glob[g] === "*") g++;
  return g === glob.length;
}
