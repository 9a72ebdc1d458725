import { type Browser, chromium } from "playwright-core";

// A desktop Chrome as real visitors have: the collector drops "HeadlessChrome" user agents, as it should for
// real traffic.
export const DESKTOP_USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";

/** What every headless Chromium of the tests and benchmarks runs with: no sandbox (containers), nothing in the background. */
export const QUIET_CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Debian's Chromium, headless, looking like a person's desktop browser; `extraArgs` add what one test needs. */
export function launchDesktopChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      ...QUIET_CHROMIUM_ARGS,
      // navigator.webdriver stays false, so the tracker behaves as for a person.
      "--disable-blink-features=AutomationControlled",
      // Browser-wide rather than Playwright's per-page override, which misses the keepalive beacons that
      // outlive their page (engagement at pagehide): those would go out as "HeadlessChrome" and be dropped.
      `--user-agent=${DESKTOP_USER_AGENT}`,
      ...extraArgs,
    ],
  });
}
