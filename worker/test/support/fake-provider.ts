import { inject } from "vitest";

/** Switches the local fake of the API Recherche d'entreprises (see setup/fake-providers.ts). */
export async function setProviderMode(mode: "ok" | "rate-limited" | "down" | "slow", options: Record<string, number> = {}) {
  await fetch(`${inject("fakeControlUrl")}/mode`, { method: "POST", body: JSON.stringify({ mode, options }) });
}

/** How many requests the fake has received so far, and their `q`. */
export async function providerRequests(): Promise<{ requests: number; queries: (string | null)[] }> {
  const res = await fetch(`${inject("fakeControlUrl")}/state`);
  return (await res.json()) as { requests: number; queries: (string | null)[] };
}

/**
 * Makes the fake answer the search `q` with the recorded answer `file` (see RechercheEntreprisesFake.answerAs): a
 * stand-in for a name search nobody recorded, to be said so in the test.
 */
export async function answerSearchAs(q: string, file: string) {
  await fetch(`${inject("fakeControlUrl")}/answer-as`, { method: "POST", body: JSON.stringify({ q, file }) });
}
