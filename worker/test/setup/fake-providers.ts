import { createServer } from "node:http";
import type { TestProject } from "vitest/node";
import { startRechercheEntreprisesFake, type FakeMode, type FakeModeOptions } from "../../../test/fakes/recherche-entreprises";

declare module "vitest" {
  export interface ProvidedContext {
    rechercheEntreprisesUrl: string;
    fakeControlUrl: string;
  }
}

/**
 * Global setup (Node side): the local fake of the API Recherche d'entreprises, serving recorded responses,
 * plus a small control endpoint so that tests running inside workerd can switch its failure mode and read
 * how many requests it received.
 */
export default async function setup(project: TestProject) {
  const fake = await startRechercheEntreprisesFake();
  const control = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      if (req.method === "POST" && req.url === "/mode") {
        const { mode, options } = JSON.parse(body) as { mode: FakeMode; options?: FakeModeOptions };
        fake.setMode(mode, options);
      }
      if (req.method === "POST" && req.url === "/answer-as") {
        const { q, file } = JSON.parse(body) as { q: string; file: string };
        fake.answerAs(q, file);
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ requests: fake.requests, queries: fake.received.map((r) => r.q) }));
    });
  });
  await new Promise<void>((resolve) => control.listen(0, "127.0.0.1", resolve));
  const address = control.address();
  const port = typeof address === "object" && address ? address.port : 0;
  project.provide("rechercheEntreprisesUrl", fake.url);
  project.provide("fakeControlUrl", `http://127.0.0.1:${port}`);
  return async () => {
    await new Promise<void>((resolve) => control.close(() => resolve()));
    await fake.close();
  };
}
