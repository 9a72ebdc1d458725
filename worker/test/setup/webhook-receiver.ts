import { createServer, type IncomingHttpHeaders } from "node:http";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    webhookReceiverUrl: string;
  }
}

interface Step {
  status: number;
  /** Answer only after this long (to exercise the delivery timeout). */
  delayMs?: number;
  body?: string;
}

interface Hook {
  /** Consumed in order; once empty, `fallback` answers. */
  script: Step[];
  fallback: Step;
  received: { headers: IncomingHttpHeaders; bodyBase64: string; at: number; status: number }[];
}

/**
 * Global setup (Node side): a local stand-in for customers' webhook receivers, on 127.0.0.1 only.
 * - `POST /hooks/<name>` records the request (headers and exact body bytes) and answers from the hook's script;
 * - `PUT /control/<name>` with `{ script?: Step[], fallback?: Step }` programs a hook and clears what it received;
 * - `GET /control/<name>` returns what it received.
 * Each test uses its own hook name, so tests never see each other's requests.
 */
export default async function setup(project: TestProject) {
  const hooks = new Map<string, Hook>();
  const hook = (name: string) => {
    let h = hooks.get(name);
    if (!h) hooks.set(name, (h = { script: [], fallback: { status: 200, body: "ok" }, received: [] }));
    return h;
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const [, kind, name = ""] = (req.url ?? "").split("?")[0]!.split("/");
      const reply = (status: number, text: string, type = "text/plain") => {
        res.writeHead(status, { "content-type": type });
        res.end(text);
      };
      if (kind === "hooks" && req.method === "POST") {
        const h = hook(name);
        const step = h.script.shift() ?? h.fallback;
        h.received.push({ headers: req.headers, bodyBase64: body.toString("base64"), at: Date.now(), status: step.status });
        setTimeout(() => {
          if (!res.destroyed) reply(step.status, step.body ?? (step.status < 300 ? "ok" : "receiver says no"));
        }, step.delayMs ?? 0);
        return;
      }
      if (kind === "control" && req.method === "PUT") {
        const { script = [], fallback } = JSON.parse(body.toString("utf8") || "{}") as { script?: Step[]; fallback?: Step };
        hooks.set(name, { script, fallback: fallback ?? { status: 200, body: "ok" }, received: [] });
        return reply(204, "");
      }
      if (kind === "control" && req.method === "GET") return reply(200, JSON.stringify({ received: hook(name).received }), "application/json");
      reply(404, "unknown receiver route");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  project.provide("webhookReceiverUrl", `http://127.0.0.1:${port}`);
  return async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
}
