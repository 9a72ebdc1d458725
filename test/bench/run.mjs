// `npm run bench`: runs the benchmarks one after the other (each starts its own workers; running them in
// parallel on a small machine would only measure contention).
import { run as collect } from "./collect.mjs";

await collect();
