import type { Env } from "../env";

/**
 * Knobs that only tests turn. `WEBHOOK_BACKOFF_SCALE` multiplies the retry schedule (tests set "0" so a
 * retry is immediate); unset, empty or invalid means 1, the real schedule.
 */
export interface WebhookTuningEnv {
  WEBHOOK_BACKOFF_SCALE?: string;
}

export function backoffScale(env: Env): number {
  const raw = (env as Env & WebhookTuningEnv).WEBHOOK_BACKOFF_SCALE;
  if (raw == null || raw === "") return 1;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : 1;
}
