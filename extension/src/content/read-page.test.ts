// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ALL_PAGES } from "../extractors/index";
import { readPageWhenReady, watchPage } from "./read-page";

// happy-dom's URL replaces Node's here, so the saved pages are found by path.
const PAGES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../test-pages");
const bodyOf = (file: string) => {
  const html = readFileSync(path.join(PAGES, file), "utf8");
  return /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)![1]!;
};

afterEach(() => {
  document.body.innerHTML = "";
});

describe("readPageWhenReady", () => {
  it("answers an unsupported page at once", async () => {
    expect(await readPageWhenReady(ALL_PAGES, document, "https://www.linkedin.com/feed/")).toEqual({ kind: "none", reason: "unsupported-page" });
  });

  it("waits for a single-page app to render the record, then reads it", async () => {
    document.body.innerHTML = bodyOf("linkedin-company-loading-en.html");
    const url = "https://www.linkedin.com/company/doctolib/about/";
    const reading = readPageWhenReady(ALL_PAGES, document, url, { throttleMs: 10 });
    setTimeout(() => (document.body.innerHTML = bodyOf("linkedin-company-about-en.html")), 50);
    expect(await reading).toMatchObject({ kind: "linkedin-company", slug: "doctolib", name: "Doctolib", domain: "doctolib.fr" });
  });

  it("gives up on a page that never says anything", async () => {
    document.body.innerHTML = bodyOf("pipedrive-organization-deleted.html");
    const started = Date.now();
    const result = await readPageWhenReady(ALL_PAGES, document, "https://sillage-demo.pipedrive.com/organization/9999", { timeoutMs: 200 });
    expect(result).toEqual({ kind: "none", reason: "nothing-found", page: "pipedrive-organization" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it("stops waiting when the tab navigates elsewhere", async () => {
    document.body.innerHTML = bodyOf("linkedin-company-loading-en.html");
    const controller = new AbortController();
    const reading = readPageWhenReady(ALL_PAGES, document, "https://www.linkedin.com/company/doctolib/", { signal: controller.signal, timeoutMs: 10_000 });
    controller.abort();
    expect(await reading).toMatchObject({ kind: "none", reason: "nothing-found" });
  });
});

describe("watchPage", () => {
  it("reports the record that renders after the URL changed, once", async () => {
    // The router moved to the profile while the previous company's DOM is still there.
    document.body.innerHTML = bodyOf("linkedin-company-about-en.html");
    const url = "https://www.linkedin.com/in/camille-laurent-4b2a1b123/";
    const first = await readPageWhenReady(ALL_PAGES, document, url);
    const seen: unknown[] = [];
    const controller = new AbortController();
    watchPage(ALL_PAGES, document, url, first, (e) => seen.push(e), { throttleMs: 10, signal: controller.signal });
    document.body.innerHTML = bodyOf("linkedin-profile-en.html");
    await new Promise((r) => setTimeout(r, 100));
    document.body.append(document.createElement("div")); // more churn, same record
    await new Promise((r) => setTimeout(r, 100));
    controller.abort();
    expect(seen).toEqual([expect.objectContaining({ kind: "linkedin-profile", employer: expect.objectContaining({ name: "Doctolib" }) })]);
  });

  it("stops once the record has settled: the page's later churn costs no extraction", async () => {
    document.body.innerHTML = bodyOf("linkedin-company-about-en.html");
    const url = "https://www.linkedin.com/company/doctolib/about/";
    let reads = 0;
    const counting = { kindOf: ALL_PAGES.kindOf, read: (doc: Document, u: URL) => (reads++, ALL_PAGES.read(doc, u)) };
    const first = await readPageWhenReady(counting, document, url);
    watchPage(counting, document, url, first, () => {}, { throttleMs: 10, settleMs: 80, sameRecordEveryMs: 0 });
    document.body.append(document.createElement("div"));
    await new Promise((r) => setTimeout(r, 60));
    const whileWatching = reads;
    expect(whileWatching).toBeGreaterThan(1);
    await new Promise((r) => setTimeout(r, 100)); // settled: the observer is gone
    for (let i = 0; i < 5; i++) {
      document.body.append(document.createElement("div"));
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(reads).toBe(whileWatching);
  });

  it("while the title and the heading stay, the page's churn is not read again at each change", async () => {
    document.body.innerHTML = bodyOf("linkedin-company-about-en.html");
    const url = "https://www.linkedin.com/company/doctolib/about/";
    let reads = 0;
    const counting = { kindOf: ALL_PAGES.kindOf, read: (doc: Document, u: URL) => (reads++, ALL_PAGES.read(doc, u)) };
    const first = counting.read(document, new URL(url));
    const controller = new AbortController();
    watchPage(counting, document, url, first, () => {}, { throttleMs: 10, signal: controller.signal });
    for (let i = 0; i < 5; i++) {
      document.body.append(document.createElement("div"));
      await new Promise((r) => setTimeout(r, 30));
    }
    expect(reads).toBe(1);
    // A new heading is a new record: read at once.
    document.querySelector("h1")!.textContent = "Alan";
    await new Promise((r) => setTimeout(r, 60));
    controller.abort();
    expect(reads).toBe(2);
  });

  it("reads a new heading in the next task, whatever the throttle (an in-page navigation's latency)", async () => {
    document.body.innerHTML = bodyOf("linkedin-profile-grouped-fr.html");
    const url = "https://www.linkedin.com/in/camille-laurent-4b2a1b123/";
    const first = ALL_PAGES.read(document, new URL(url));
    const seen: Array<{ at: number; employer?: { name?: string } }> = [];
    const controller = new AbortController();
    watchPage(ALL_PAGES, document, url, first, (e) => seen.push({ at: Date.now(), ...(e as object) }), {
      throttleMs: 10_000,
      signal: controller.signal,
    });
    const renderedAt = Date.now();
    document.body.innerHTML = bodyOf("linkedin-profile-en.html");
    // Read without waiting for the 10 s throttle: within 2 s even on a loaded machine (the benchmark times it).
    await vi.waitFor(() => expect(seen).toHaveLength(1), { timeout: 2000, interval: 5 });
    controller.abort();
    expect(seen).toEqual([expect.objectContaining({ kind: "linkedin-profile", employer: expect.objectContaining({ name: "Doctolib" }) })]);
    expect(seen[0]!.at - renderedAt).toBeLessThan(2000);
  });

  it("one page observer at a time, and none once the reading is aborted (the panel closed)", async () => {
    const live = new Set<MutationObserver>();
    const Native = window.MutationObserver;
    class Counted extends Native {
      override observe(target: Node, options?: MutationObserverInit) {
        live.add(this);
        super.observe(target, options);
      }
      override disconnect() {
        live.delete(this);
        super.disconnect();
      }
    }
    window.MutationObserver = Counted;
    try {
      document.body.innerHTML = bodyOf("linkedin-company-loading-en.html");
      const url = "https://www.linkedin.com/company/doctolib/about/";
      const controller = new AbortController();
      const reading = readPageWhenReady(ALL_PAGES, document, url, { throttleMs: 10, signal: controller.signal });
      expect(live.size).toBe(1);
      document.body.innerHTML = bodyOf("linkedin-company-about-en.html");
      const first = await reading;
      expect(live.size).toBe(0);
      watchPage(ALL_PAGES, document, url, first, () => {}, { throttleMs: 10, signal: controller.signal });
      expect(live.size).toBe(1);
      controller.abort();
      expect(live.size).toBe(0);
    } finally {
      window.MutationObserver = Native;
    }
  });

  it("stops when the tab navigates again", async () => {
    document.body.innerHTML = bodyOf("linkedin-company-loading-en.html");
    const url = "https://www.linkedin.com/company/doctolib/about/";
    const seen: unknown[] = [];
    const controller = new AbortController();
    watchPage(ALL_PAGES, document, url, { kind: "none", reason: "nothing-found" }, (e) => seen.push(e), { throttleMs: 10, signal: controller.signal });
    controller.abort();
    document.body.innerHTML = bodyOf("linkedin-company-about-en.html");
    await new Promise((r) => setTimeout(r, 60));
    expect(seen).toEqual([]);
  });
});
