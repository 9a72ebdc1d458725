import type { Env } from "../env";
import { backfillStep } from "./backfill";
import type { CrmMessage } from "./message";
import { crmBackoffScale } from "./open-client";
import { syncLead } from "./sync-lead";

/** Another sync holds the lead or its company: it is over within seconds. */
const BUSY_RETRY_SECONDS = 5;
/** Queues refuse longer delays. */
const MAX_DELAY_SECONDS = 43_200;

/**
 * CRM queue consumer. Messages of a batch run one after the other: they usually go to the same CRM account,
 * whose rate limit is per account, so running them in parallel would only earn 429s.
 */
export async function consumeCrm(batch: MessageBatch<CrmMessage>, env: Env): Promise<void> {
  const scale = crmBackoffScale(env);
  const later = (seconds: number) => Math.min(MAX_DELAY_SECONDS, Math.ceil(seconds * scale));
  for (const msg of batch.messages) {
    try {
      const body = msg.body;
      if (body.kind === "backfill") {
        if (await backfillStep(env, body.jobId, Date.now())) await env.CRM.send(body);
        msg.ack();
        continue;
      }
      const result = await syncLead(env, body.connectionId, body.leadId);
      if (result.outcome === "busy") msg.retry({ delaySeconds: later(BUSY_RETRY_SECONDS) });
      else if (result.outcome === "retry") msg.retry({ delaySeconds: later(result.delayMs / 1000) });
      else msg.ack();
    } catch (err) {
      console.error("crm message", JSON.stringify(msg.body), err);
      msg.retry({ delaySeconds: later(60) });
    }
  }
}
