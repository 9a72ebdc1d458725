// Console (/app/): what a first visit downloads (JS and CSS, gzipped) and how long the first screen takes in
// real Chromium against `wrangler dev`: from navigation to the dashboard's funnel drawn (signed in), and to the
// sign-in form (signed out). Figures are printed, not asserted.
import { chromium } from "playwright-core";
import { buildConsole } from "../../worker/scripts/build-console.mjs";
import { startDevServer } from "../support/dev-server.mjs";

const RUNS = 7;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const built = await buildConsole();
console.log(`console JS ${(built.jsGzip / 1024).toFixed(1)} KiB gzip, CSS ${(built.cssGzip / 1024).toFixed(1)} KiB gzip`);

const server = await startDevServer();
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu"] });
try {
  const signIn = await fetch(`${server.url}/api/v1/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Sillage-CSRF": "1", Origin: server.url },
    body: JSON.stringify({ key: server.apiKey }),
  });
  const token = /sillage_console=([0-9a-f]+)/.exec(signIn.headers.get("Set-Cookie") ?? "")?.[1];
  if (!token) throw new Error(`sign-in failed: ${signIn.status}`);

  for (const [label, signedIn, ready] of [
    ["signed out → sign-in form", false, "#api-key"],
    ["signed in → dashboard funnel drawn", true, "[data-testid=funnel] svg"],
  ] as const) {
    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext();
      if (signedIn)
        await context.addCookies([{ name: "sillage_console", value: token, url: `${server.url}/api/v1`, httpOnly: true, secure: true, sameSite: "Strict" }]);
      const page = await context.newPage();
      for (const list of [cold, warm]) {
        const t0 = performance.now();
        await page.goto(`${server.url}/app/`);
        await page.waitForSelector(ready);
        list.push(performance.now() - t0);
      }
      await context.close();
    }
    console.log(`first screen, ${label}: cold cache median ${median(cold).toFixed(0)} ms, warm cache median ${median(warm).toFixed(0)} ms (${RUNS} runs)`);
  }
} finally {
  await browser.close();
  await server.stop();
}
