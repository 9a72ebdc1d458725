// Scoring patterns on hostile input: the slowest patterns a model may hold, matched against a 2 KB path.
// Prints time per match; the point is that none grows faster than the path (RE2JS for regexes, a linear glob matcher).
import { compilePattern, patternProblem } from "../../shared/src/scoring/patterns";

const PATH = `/${"a".repeat(2046)}!`; // 2 KB of what most candidates almost match
const candidates = [
  "regex:^/(fr|en)/(produits|solutions)/[a-z0-9-]+/(tarifs|pricing)(/.*)?$",
  "regex:/blog/.*guide",
  "regex:a.*a.*a.*b",
  "regex:(a|ab)*c",
  "regex:[a-z]+[0-9]+$",
  "*a*a*a*a*a*a*a*a*a*a*b",
  "*a*",
  "/tarifs*",
];
const bombs = ["regex:(a|a)*$", "regex:(a+)+$", "regex:(x+x+)+y"];

function perMatch(pattern: string): number {
  const p = compilePattern(pattern);
  p.test(PATH); // warm up
  let runs = 0;
  const start = performance.now();
  while (performance.now() - start < 300) {
    p.test(PATH);
    runs++;
  }
  return ((performance.now() - start) / runs) * 1000;
}

let worst = { pattern: "", us: 0 };
for (const pattern of candidates) {
  const problem = patternProblem(pattern);
  if (problem) {
    console.log(`  refused  ${pattern}: ${problem}`);
    continue;
  }
  const us = perMatch(pattern);
  if (us > worst.us) worst = { pattern, us };
  console.log(`  accepted ${pattern.padEnd(72)} ${us.toFixed(1).padStart(8)} µs per 2 KB path`);
}
for (const pattern of bombs) {
  const t = performance.now();
  const problem = patternProblem(pattern);
  console.log(`  refused  ${pattern.padEnd(72)} in ${(performance.now() - t).toFixed(0)} ms: ${problem}`);
  // The engine would not blow up even if one slipped through: no backtracking.
  console.log(`           …run anyway by the engine: ${perMatch(pattern).toFixed(1)} µs per 2 KB path`);
}
console.log(`worst accepted pattern: ${worst.pattern} — ${worst.us.toFixed(1)} µs on a 2 KB path`);
