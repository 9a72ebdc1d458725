import { normalizeCompanyName, type NormalizedName } from "./normalize-name";

/**
 * How well two organisation names agree, in [0, 1]. Graded by kind of agreement rather than by edit
 * distance alone, because homonyms are the norm: "GANYMEDE" vs "FINANCIERE GANYMEDE" shares a word but
 * is a different company, so anything short of a near-exact match must stay below the 0.8 bar the scorer uses.
 *
 *   1.00  same words (after removing legal forms, accents, punctuation)
 *   0.98  same letters, different spacing ("RED NEEDLES" / "REDNEEDLES")
 *   0.97  same meaningful words (articles/connectors differ: "Restaurants du Coeur" / "LES RESTAURANTS DU COEUR")
 *   0.90  equal once generic words are removed ("Naturalia" / "NATURALIA FRANCE")
 *   ≤0.85 partial word overlap, scaled by a soft Dice coefficient (one-letter typos in long words count)
 */
export const SIMILARITY = {
  exact: 1,
  spacing: 0.98,
  stopwords: 0.97,
  core: 0.9,
  partialCap: 0.85,
} as const;

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** True when a and b differ by at most one edit (insertion, deletion, substitution or adjacent swap). */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    const diffs: number[] = [];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diffs.push(i);
    if (diffs.length === 1) return true;
    return diffs.length === 2 && diffs[1] === diffs[0]! + 1 && a[diffs[0]!] === b[diffs[1]!] && a[diffs[1]!] === b[diffs[0]!];
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}

function tokensMatch(a: string, b: string): number {
  if (a === b) return 1;
  // Typos only count in long words: in short ones one letter makes another word ("aga" / "aba").
  return a.length >= 6 && b.length >= 6 && withinOneEdit(a, b) ? 0.9 : 0;
}

/** Dice coefficient over words, each word used once, near-identical long words counting 0.9. */
function softDice(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const used = new Set<number>();
  let matched = 0;
  for (const x of a) {
    let best = 0;
    let bestIndex = -1;
    b.forEach((y, j) => {
      if (used.has(j)) return;
      const m = tokensMatch(x, y);
      if (m > best) {
        best = m;
        bestIndex = j;
      }
    });
    if (bestIndex >= 0) {
      used.add(bestIndex);
      matched += best;
    }
  }
  return (2 * matched) / (a.length + b.length);
}

export function normalizedNameSimilarity(a: NormalizedName, b: NormalizedName): number {
  if (!a.full || !b.full) return 0;
  if (a.full === b.full) return SIMILARITY.exact;
  if (a.full.replace(/ /g, "") === b.full.replace(/ /g, "")) return SIMILARITY.spacing;
  if (sameList(a.tokens, b.tokens)) return SIMILARITY.stopwords;
  if (a.core === b.core || a.full === b.core || a.core === b.full || sameList(a.coreTokens, b.coreTokens)) {
    return SIMILARITY.core;
  }
  const dice = Math.max(softDice(a.tokens, b.tokens), softDice(a.coreTokens, b.coreTokens));
  return Math.min(SIMILARITY.partialCap, dice * SIMILARITY.partialCap);
}

export function nameSimilarity(a: string, b: string): number {
  return normalizedNameSimilarity(normalizeCompanyName(a), normalizeCompanyName(b));
}
