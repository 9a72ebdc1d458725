import type { Env } from "../env";
import { purgeExpiredHits as purgeHits } from "../privacy/purge-expired-hits";

/** Retention, every run: each site's hits past their workspace's retention, from where the previous run stopped. */
export async function purgeExpiredHits(env: Env, now: number): Promise<number> {
  return (await purgeHits(env.DB, now)).changed;
}
