// `wrangler dev` never fires Cron Triggers. Locally, this drives the worker's scheduled handler on the
// schedule of wrangler.toml ([triggers] crons), through wrangler's own endpoint
// `/cdn-cgi/handler/scheduled?cron=…&time=…`, so that `npm start` runs the SLA flags, decay recheck,
// retention purge and the re-queueing of lost enrichment and webhook messages as production does.
import { readFileSync } from "node:fs";

/** The cron expressions of `[triggers] crons = [...]` in a wrangler.toml text. */
export function cronsOf(tomlText) {
  const section = /^\[triggers\]\s*$([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(tomlText)?.[1] ?? "";
  const list = /^\s*crons\s*=\s*\[([^\]]*)\]/m.exec(section)?.[1] ?? "";
  return [...list.matchAll(/"([^"]*)"|'([^']*)'/g)].map((m) => (m[1] ?? m[2]).trim()).filter(Boolean);
}

const FIELDS = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12 },
  { name: "day of week", min: 0, max: 7 },
];

/** One cron field ("*", "5", "1-5", "*\/15", "0,30", "10-50/10") → the set of values it allows. */
function parseField(text, { name, min, max }) {
  const values = new Set();
  for (const part of text.split(",")) {
    const m = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!m) throw new Error(`unsupported cron ${name} "${part}"`);
    const from = m[1] === "*" ? min : Number(m[2]);
    const to = m[1] === "*" ? max : m[3] !== undefined ? Number(m[3]) : m[4] !== undefined ? max : from;
    const step = m[4] !== undefined ? Number(m[4]) : 1;
    if (from < min || to > max || from > to || step < 1) throw new Error(`cron ${name} "${part}" is out of range ${min}-${max}`);
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

/** A five-field cron expression (UTC, as Cloudflare runs them) → a predicate on dates. */
export function parseCron(expression) {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) throw new Error(`a cron expression has 5 fields, "${expression}" has ${parts.length}`);
  const [minute, hour, dom, month, dow] = parts.map((p, i) => parseField(p, FIELDS[i]));
  if (dow.has(7)) dow.add(0); // Sunday is 0 or 7
  // As in cron: when both day fields are restricted, either one matching is enough.
  const domAny = parts[2] === "*";
  const dowAny = parts[4] === "*";
  return (d) => {
    const dayOk =
      domAny && dowAny ? true : domAny ? dow.has(d.getUTCDay()) : dowAny ? dom.has(d.getUTCDate()) : dom.has(d.getUTCDate()) || dow.has(d.getUTCDay());
    return minute.has(d.getUTCMinutes()) && hour.has(d.getUTCHours()) && month.has(d.getUTCMonth() + 1) && dayOk;
  };
}

const MINUTE = 60_000;

/** The first minute strictly after `afterMs` that the expression matches (looks a year ahead at most). */
export function nextRun(expression, afterMs) {
  const matches = parseCron(expression);
  let t = Math.floor(afterMs / MINUTE) * MINUTE + MINUTE;
  for (let i = 0; i < 366 * 24 * 60; i++, t += MINUTE) if (matches(new Date(t))) return t;
  throw new Error(`cron "${expression}" never fires`);
}

/** Asks the worker at `baseUrl` to run its scheduled handler for `cron` at `timeMs`; resolves to the HTTP status. */
export async function fireScheduled(baseUrl, cron, timeMs) {
  // Miniflare reads `time` as epoch milliseconds (it becomes controller.scheduledTime).
  const url = `${baseUrl}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent(cron)}&time=${Math.floor(timeMs)}`;
  const res = await fetch(url, { signal: AbortSignal.timeout(60_000) });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return res.status;
}

/**
 * Fires every cron of `crons` once now, then each at its next scheduled minute, until `stop()`. A failed run
 * is reported through `onError` and the schedule goes on, as Cloudflare's would.
 */
export function startCronDriver({ baseUrl, crons, now = Date.now, fire = fireScheduled, onRun = () => {}, onError = () => {} }) {
  const timers = new Set();
  let stopped = false;
  const run = async (cron, at) => {
    try {
      await fire(baseUrl, cron, at);
      onRun(cron, at);
    } catch (err) {
      onError(cron, err);
    }
  };
  const schedule = (cron) => {
    if (stopped) return;
    const at = nextRun(cron, now());
    const timer = setTimeout(
      async () => {
        timers.delete(timer);
        await run(cron, at);
        schedule(cron);
      },
      Math.max(0, at - now()),
    );
    timers.add(timer);
  };
  const firstRuns = Promise.all(crons.map((cron) => run(cron, now())));
  for (const cron of crons) schedule(cron);
  return {
    /** Resolves once the start-up runs are over. */
    firstRuns,
    stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}

/** The crons of the repository's wrangler.toml. */
export const configuredCrons = (wranglerToml) => cronsOf(readFileSync(wranglerToml, "utf8"));
