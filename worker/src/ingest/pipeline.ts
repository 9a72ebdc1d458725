import type { CollectEnvelope } from "./envelope";
import { DropTally } from "./drops";
import { PIPELINE_STEPS } from "./pipeline-steps";
import type { IngestOutcome, IngestRun, QuotaReached } from "./ingest-run";

export type { IngestOutcome, QuotaReached } from "./ingest-run";

/** Milliseconds spent in each step, summed over the runs that share the object. */
export type StepTimings = Record<string, number>;

export interface IngestResult {
  outcomes: IngestOutcome[];
  quotaReached: QuotaReached[];
}

/**
 * The ingestion pipeline, for one request or a whole queue batch: the named steps of PIPELINE_STEPS
 * (parse → validate → site → bots → consent → props budget → visitor → read → redelivery → opt-out → visitor rate →
 * site quota → session → store → write), run in order by this one loop, each timed. Every request ends either stored or
 * counted as dropped with one reason. Two database round trips in all: one read, one write transaction. D1
 * failures throw, so that the queue retries: nothing of the batch is then written, and nothing is lost.
 */
export async function runPipeline(d1: D1Database, envelopes: readonly CollectEnvelope[], timings?: StepTimings): Promise<IngestResult> {
  const run: IngestRun = { d1, items: envelopes.map((env) => ({ env, siteKey: "" })), drops: new DropTally(), writes: [], quotaReached: new Map() };
  for (const step of PIPELINE_STEPS) {
    const started = performance.now();
    await step.run(run);
    if (timings) timings[step.name] = (timings[step.name] ?? 0) + performance.now() - started;
  }
  return {
    outcomes: run.items.map((item) => {
      if (!item.outcome) throw new Error(`ingestion left request ${item.env.requestId} without an outcome`);
      return item.outcome;
    }),
    quotaReached: [...run.quotaReached.values()],
  };
}

/** One request through the pipeline (the collector's fallback when the queue refuses a message). */
export async function ingest(d1: D1Database, env: CollectEnvelope): Promise<IngestOutcome> {
  return (await runPipeline(d1, [env])).outcomes[0]!;
}

/** A queue batch through the pipeline; hits are placed in order, as if they had come one by one. */
export async function ingestBatch(d1: D1Database, envelopes: readonly CollectEnvelope[]): Promise<IngestOutcome[]> {
  return (await runPipeline(d1, envelopes)).outcomes;
}
