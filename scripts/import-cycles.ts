// Finds import cycles among the project's TypeScript sources, type-only imports included: a cycle of
// types still ties two modules together (one cannot be read, moved or tested without the other).
// Module names are resolved by TypeScript itself, so `@sillage/shared/…`, `.ts` suffixes and index files
// resolve as the compiler sees them.
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const SKIP_DIRS = new Set(["node_modules", ".wxt", ".output", ".wrangler", "generated", "migrations"]);
const SOURCE = /\.(ts|tsx|mts)$/;

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (SKIP_DIRS.has(name) || name.startsWith(".")) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* sourceFiles(full);
    else if (SOURCE.test(name) && !name.endsWith(".d.ts")) yield full;
  }
}

/** file → the project files it imports (static imports, `export … from`, `import type`, dynamic `import("…")`). */
export function importGraph(root: string, dirs: string[]): Map<string, Set<string>> {
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    jsx: ts.JsxEmit.ReactJSX,
  };
  const host = ts.createCompilerHost(options);
  const graph = new Map<string, Set<string>>();
  const files = dirs.flatMap((d) => [...sourceFiles(path.join(root, d))]);
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    const targets = new Set<string>();
    for (const { fileName } of info.importedFiles) {
      const resolved = ts.resolveModuleName(fileName, file, options, host).resolvedModule;
      if (!resolved) continue;
      // Workspace packages (@sillage/shared) resolve through a node_modules symlink: follow it home.
      const target = realpathSync(resolved.resolvedFileName);
      if (target.startsWith(root) && !target.includes(`${path.sep}node_modules${path.sep}`)) targets.add(target);
    }
    graph.set(realpathSync(file), targets);
  }
  return graph;
}

/** Strongly connected components of more than one file, or one file importing itself (Tarjan). */
export function cycles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const indexes = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    indexes.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indexes.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indexes.get(w)!));
    }
    if (low.get(v) === indexes.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)?.has(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!indexes.has(v)) visit(v);
  return found;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const root = realpathSync(new URL("..", import.meta.url).pathname);
  const graph = importGraph(root, [
    "worker/src",
    "worker/scripts",
    "worker/tracker",
    "worker/test",
    "shared/src",
    "extension/src",
    "extension/entrypoints",
    "test",
    "scripts",
  ]);
  const found = cycles(graph);
  const edges = [...graph.values()].reduce((n, s) => n + s.size, 0);
  if (found.length === 0) {
    console.log(`import cycles: none (${graph.size} files, ${edges} imports, type-only included)`);
  } else {
    console.error(`import cycles: ${found.length}`);
    for (const component of found) console.error(`  ${component.map((f) => path.relative(root, f)).join(" ↔ ")}`);
    process.exit(1);
  }
}
