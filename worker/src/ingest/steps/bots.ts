import { isbot } from "isbot";
import type { CollectEnvelope } from "../envelope";
import { drop, pass, type Step } from "./result";

const HEADLESS = /HeadlessChrome|PhantomJS|SlimerJS|Electron\/|puppeteer|playwright|selenium|webdriver/i;

/** Step 3 — prefetch/prerender requests are not visits; crawlers and automation are not people. */
export function dropBots(headers: CollectEnvelope["headers"]): Step<true> {
  if (/prefetch|prerender|preview/i.test(headers.purpose)) return drop("prefetch");
  if (HEADLESS.test(headers.userAgent) || /Headless/i.test(headers.secChUa)) return drop("headless");
  if (!headers.userAgent || isbot(headers.userAgent)) return drop("bot");
  return pass(true);
}
