import { describe, expect, it } from "vitest";
import { mailtoHref, safeHttpUrl, telHref } from "./safe-url";

describe("safe links", () => {
  it("keeps only http(s) URLs", () => {
    expect(safeHttpUrl("https://www.linkedin.com/company/danone/")).toBe("https://www.linkedin.com/company/danone/");
    expect(safeHttpUrl("javascript:alert(1)")).toBeUndefined();
    expect(safeHttpUrl(" JAVASCRIPT:alert(1)")).toBeUndefined();
    expect(safeHttpUrl("data:text/html,<script>")).toBeUndefined();
    expect(safeHttpUrl("/relative")).toBeUndefined();
    expect(safeHttpUrl(null)).toBeUndefined();
  });

  it("builds mailto and tel links only from plausible values", () => {
    expect(mailtoHref("jeanne.martin@danone.com")).toBe("mailto:jeanne.martin@danone.com");
    expect(mailtoHref("a@b.fr?bcc=everyone@x.fr")).toBeUndefined();
    expect(mailtoHref("a@b.fr?subject=x")).toBeUndefined();
    expect(mailtoHref("not an email")).toBeUndefined();
    expect(telHref("+33 1 44 35 20 20")).toBe("tel:+33144352020");
    expect(telHref("call me")).toBeUndefined();
  });
});
