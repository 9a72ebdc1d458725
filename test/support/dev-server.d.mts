// Types of dev-server.mjs, for TypeScript tests.

export interface WranglerDev {
  url: string;
  port: number;
  /** Ends wrangler and workerd (the whole process group). */
  stop(): Promise<void>;
  /** The last 20 KB of wrangler's output, for failure messages. */
  output(): string;
  /** Resolves with wrangler's exit code (or "signal") when it ends, whoever ended it. */
  exited: Promise<number | string | null>;
}

export interface DevServer {
  /** Base URL, e.g. http://127.0.0.1:8787 */
  url: string;
  /** Local D1 persistence directory (a fresh temporary one unless given; removed by stop() then). */
  persistTo: string;
  /** Admin API key of the demo workspace; null when a reused database already had one. */
  apiKey: string | null;
  output(): string;
  /** Runs SQL on the local D1 and returns the rows of the last statement. */
  d1<Row = Record<string, unknown>>(sql: string): Promise<Row[]>;
  /** Resolves with wrangler's exit code (or "signal") when it ends, whoever ended it. */
  exited: Promise<number | string | null>;
  stop(): Promise<void>;
}

export function freePort(): Promise<number>;

export function spawnWranglerDev(options?: {
  args?: string[];
  port?: number;
  readyPath?: string;
  timeoutMs?: number;
  /** Every chunk wrangler and the worker print, as it comes (output() keeps only the tail). */
  onOutput?: (chunk: string) => void;
}): Promise<WranglerDev>;

export function startDevServer(options?: {
  port?: number;
  persistTo?: string;
  /** Worker variables, on top of SILLAGE_TRUST_CLIENT_IP=1. */
  vars?: Record<string, string>;
  /** Extra `wrangler dev` arguments. */
  args?: string[];
  /** wrangler configuration for `wrangler dev` (default: the repository's wrangler.toml). */
  config?: string;
  /**
   * false (default): serve a bundle of the sources as they are at start, immune to later edits.
   * true: wrangler dev rebuilds and reloads on every change under worker/src (pending queue messages are lost).
   */
  watch?: boolean;
  /** Every chunk wrangler and the worker print, as it comes (output() keeps only the tail). */
  onOutput?: (chunk: string) => void;
}): Promise<DevServer>;
