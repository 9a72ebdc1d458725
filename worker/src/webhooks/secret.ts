/** A new signing secret: `whsec_` + 32 random bytes in hex (256 bits, as strong as the HMAC key can use). */
export function newWebhookSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return `whsec_${[...bytes].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** Enough of the secret to tell two endpoints apart in a list, never enough to sign. */
export function secretHint(secret: string): string {
  return `${secret.slice(0, 10)}…`;
}
