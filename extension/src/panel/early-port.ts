/**
 * The lead panel's port, opened by the panel page's first script (a few hundred bytes) while the panel's own
 * script (Preact and the views, ~60 KB) is still being fetched and compiled: the background's answer is on its
 * way meanwhile, and whatever it pushes before the panel listens is kept for it, in order.
 */
import { connectPanel, type PanelPush } from "../messages";

export interface EarlyPort {
  /** From now on pushes go to `onPush`; those that came before are handed over first. */
  listen(onPush: (push: PanelPush) => void): void;
}

/** Where the first script leaves the port for the second (two classic scripts of one extension page). */
const SLOT = "__sillagePanelPort";
type WithSlot = typeof globalThis & { [SLOT]?: EarlyPort };

export function openEarlyPort(doc: string): EarlyPort {
  const held: PanelPush[] = [];
  let listener: ((push: PanelPush) => void) | null = null;
  connectPanel((push) => {
    if (listener) listener(push);
    else held.push(push);
  }, doc);
  return {
    listen(onPush) {
      listener = onPush;
      for (const push of held.splice(0)) onPush(push);
    },
  };
}

export function leaveEarlyPort(port: EarlyPort): void {
  (globalThis as WithSlot)[SLOT] = port;
}

/** The port the first script opened; opened now if it did not run (the page is the panel's either way). */
export function takeEarlyPort(doc: string): EarlyPort {
  return (globalThis as WithSlot)[SLOT] ?? openEarlyPort(doc);
}
