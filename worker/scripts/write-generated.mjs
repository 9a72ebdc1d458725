import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Writes a generated source file, unless it already holds exactly this: a rewrite would make a running `wrangler dev` reload for nothing. */
export function writeGenerated(file, source) {
  let previous = "";
  try {
    previous = readFileSync(file, "utf8");
  } catch {}
  if (previous === source) return;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, source);
}
