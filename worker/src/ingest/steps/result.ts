import type { DropReason } from "@sillage/shared/drop-reasons";

/** Each pipeline step either passes a value on or drops the hit with a typed reason. */
export type Step<T> = { ok: true; value: T } | { ok: false; reason: DropReason };

export const pass = <T>(value: T): Step<T> => ({ ok: true, value });
export const drop = (reason: DropReason): Step<never> => ({ ok: false, reason });
