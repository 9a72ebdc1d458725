/**
 * Reading request bodies with a byte bound, whatever the client declares (a chunked upload has no
 * Content-Length), and disposing of bodies nobody read.
 *
 * Why dispose: under `wrangler dev`, a response sent while the upload is still unread makes the local proxy
 * answer 503 "Your worker restarted mid-request" instead of our answer. Draining what a browser could send
 * (bounded) keeps a refusal a refusal; past the bound the stream is cancelled, which costs nothing in production.
 */

/** Bytes drained from a refused or oversized upload before cancelling it. */
export const MAX_DRAIN_BYTES = 1024 * 1024;

export type BoundedBody = { ok: true; bytes: Uint8Array } | { ok: false; oversized: true };

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return all;
}

/** Reads at most `maxBytes` + one chunk; an oversized body is drained (bounded) and reported, never kept. */
export async function readBoundedBody(req: Request, maxBytes: number): Promise<BoundedBody> {
  if (!req.body) return { ok: true, bytes: new Uint8Array() };
  if (Number(req.headers.get("Content-Length") ?? "NaN") > maxBytes) {
    await discardBody(req);
    return { ok: false, oversized: true };
  }
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { ok: true, bytes: concat(chunks, size) };
    size += value.byteLength;
    if (size > maxBytes) {
      await drain(reader, size);
      return { ok: false, oversized: true };
    }
    chunks.push(value);
  }
}

/** Text of a body of at most `maxBytes`, or null past it. */
export async function readBoundedText(req: Request, maxBytes: number): Promise<string | null> {
  const body = await readBoundedBody(req, maxBytes);
  return body.ok ? new TextDecoder().decode(body.bytes) : null;
}

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, alreadyRead: number): Promise<void> {
  try {
    for (let read = alreadyRead; read < MAX_DRAIN_BYTES; ) {
      const next = await reader.read();
      if (next.done) return;
      read += next.value.byteLength;
    }
    await reader.cancel();
  } catch {
    // The client went away: nothing left to dispose of.
  }
}

/** Reads and throws away a body nobody consumed (bounded), so that the answer already chosen is the one sent. */
export async function discardBody(req: Request): Promise<void> {
  if (!req.body || req.bodyUsed) return;
  const declared = Number(req.headers.get("Content-Length") ?? "NaN");
  // Past the bound, leave it to the runtime: cancelling costs a neighbouring request locally.
  if (declared > MAX_DRAIN_BYTES) return;
  try {
    await drain(req.body.getReader(), 0);
  } catch {
    // Locked by a reader that gave up, or a broken connection: nothing more to do.
  }
}
