import { DurableObject } from "cloudflare:workers";
import { FairSlotQueue, type SlotAnswer, type SlotRequest } from "./provider-slot-queue";

export type { SlotAnswer, SlotRequest } from "./provider-slot-queue";

/**
 * One instance per provider name (`idFromName("recherche-entreprises")`) hands out request slots for the
 * whole deployment, so every isolate together stays under the provider's published rate, shared fairly
 * between workspaces (see provider-slot-queue.ts). The adapter that callers use is in provider-rate-limit.ts.
 *
 * A caller whose slot is not free at once is held until its turn (at most `maxWaitMs`), so that a workspace
 * arriving later can still be served before a flooding one's backlog. The object is then active while anyone
 * waits: under load it is anyway (a request every 1/7 s), and idle it answers at once.
 *
 * The queues live in memory only: persisting them would cost a storage write per request. Losing them on a
 * restart fails the held callers (their adapter falls back, then the queue retries), nothing else.
 */
export class ProviderRateLimiter extends DurableObject {
  private readonly queue = new FairSlotQueue({ now: () => Date.now(), setTimer: (fn, ms) => setTimeout(fn, ms) });

  acquire(request: SlotRequest): SlotAnswer | Promise<SlotAnswer> {
    return this.queue.acquire(request);
  }
}
