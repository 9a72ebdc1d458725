/**
 * Opaque keyset cursors: the sort, and the sort value and id of the last lead of the page. Base64url JSON so
 * that clients treat them as tokens; decoding validates the shape. Pure.
 */

export type SortKey = "score" | "lastSeen" | "name";
export type SortOrder = "asc" | "desc";

export interface CursorPosition {
  sort: SortKey;
  order: SortOrder;
  /** Sort value of the last item: score (number), last seen (epoch ms) or name. */
  value: number | string;
  id: string;
}

function toBase64Url(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(token: string): string | null {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) return null;
  try {
    const binary = atob(token.replace(/-/g, "+").replace(/_/g, "/"));
    return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

export function encodeCursor(position: CursorPosition): string {
  return toBase64Url(JSON.stringify([1, position.sort, position.order, position.value, position.id]));
}

/** Null when the token was not made by encodeCursor. */
export function decodeCursor(token: string): CursorPosition | null {
  const text = fromBase64Url(token);
  if (text === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 5 || parsed[0] !== 1) return null;
  const [, sort, order, value, id] = parsed as unknown[];
  if (sort !== "score" && sort !== "lastSeen" && sort !== "name") return null;
  if (order !== "asc" && order !== "desc") return null;
  if (typeof id !== "string" || !id) return null;
  const valueOk = sort === "name" ? typeof value === "string" : typeof value === "number" && Number.isFinite(value);
  return valueOk ? { sort, order, value: value as number | string, id } : null;
}
