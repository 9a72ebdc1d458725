import { describe, expect, it } from "vitest";
import { looksLikeApiKey, normalizeBaseUrl, originPattern } from "./settings";

describe("settings", () => {
  it("normalises the API address", () => {
    expect(normalizeBaseUrl(" http://127.0.0.1:8787/ ")).toBe("http://127.0.0.1:8787");
    expect(normalizeBaseUrl("https://sillage.acme.workers.dev/")).toBe("https://sillage.acme.workers.dev");
    expect(normalizeBaseUrl("https://api.acme.fr/sillage//")).toBe("https://api.acme.fr/sillage");
  });

  it("refuses what is not a plain http(s) address", () => {
    for (const bad of ["", "127.0.0.1:8787x", "ftp://x.fr", "javascript:alert(1)", "https://user:pw@x.fr", "https://x.fr/?key=1", "https://x.fr/#a"]) {
      expect(normalizeBaseUrl(bad), bad).toBeNull();
    }
  });

  it("asks for the API's host on every port", () => {
    expect(originPattern("http://127.0.0.1:8787")).toBe("http://127.0.0.1/*");
    expect(originPattern("https://sillage.acme.workers.dev/api")).toBe("https://sillage.acme.workers.dev/*");
  });

  it("recognises Sillage keys", () => {
    expect(looksLikeApiKey("slg_" + "0123456789abcdef".repeat(2) + "01234567")).toBe(true);
    expect(looksLikeApiKey("slg_short")).toBe(false);
    expect(looksLikeApiKey("sk_live_" + "a".repeat(40))).toBe(false);
  });
});
