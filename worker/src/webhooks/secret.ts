import { randomHex } from "@sillage/shared/hex";

/** A new signing secret: `whsec_` + 32 random bytes in hex (256 bits, as strong as the HMAC key can use). */
export function newWebhookSecret(): string {
  return `whsec_${randomHex(32)}`;
}

/** Enough of the secret to tell two endpoints apart in a list, never enough to sign. */
export function secretHint(secret: string): string {
  return `${secret.slice(0, 10)}…`;
}
