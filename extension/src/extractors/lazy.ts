/** A value, or a function computing it. Extractors list sources best-first and stop at the first that
 * answers, so the costly ones (scanning the whole page for a label) only run when needed. */
export type Source<T> = T | (() => T);

export function resolve<T>(source: Source<T>): T {
  return typeof source === "function" ? (source as () => T)() : source;
}
