// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { NoMatch } from "./no-match";
import { button, click, render, setValue, submit, type Rendered } from "./test-render";
import type { LeadSearchResult } from "./types";

let mounted: Rendered | undefined;
afterEach(() => mounted?.unmount());

const results: LeadSearchResult[] = [
  { leadId: "lead_1", name: "Danone", siren: "552032534", city: "Paris", status: "mql", score: 75 },
  { leadId: "lead_2", name: "Danone Produits Frais France", siren: null, city: "Limonest", status: "identified", score: null },
];

describe("NoMatch", () => {
  it("searches with the trimmed query, prefilled from the page", () => {
    const onLinkSearch = vi.fn();
    mounted = render(<NoMatch lang="fr" initialQuery="Danone" results={null} onLinkSearch={onLinkSearch} onLink={vi.fn()} />);
    const { container } = mounted;
    expect(container.textContent).toContain("Aucun lead Sillage pour cette page");
    expect(container.querySelector("label")?.textContent).toBe("Rechercher par nom ou SIREN");
    const input = container.querySelector("input") as HTMLInputElement;
    expect(input.value).toBe("Danone");
    setValue(input, "  552 032 534 ");
    submit(container.querySelector("form"));
    expect(onLinkSearch).toHaveBeenCalledWith("552 032 534");
  });

  it("does not search for blanks", () => {
    const onLinkSearch = vi.fn();
    mounted = render(<NoMatch lang="en" results={null} onLinkSearch={onLinkSearch} onLink={vi.fn()} />);
    expect(button(mounted.container, "Search").disabled).toBe(true);
    setValue(mounted.container.querySelector("input"), "   ");
    submit(mounted.container.querySelector("form"));
    expect(onLinkSearch).not.toHaveBeenCalled();
  });

  it("lists results and links the chosen lead", () => {
    const onLink = vi.fn();
    mounted = render(<NoMatch lang="en" results={results} onLinkSearch={vi.fn()} onLink={onLink} />);
    const items = mounted.container.querySelectorAll("li");
    expect(items).toHaveLength(2);
    expect(items[0]?.textContent).toContain("552 032 534 · Paris");
    click(button(mounted.container, "Link this page to Danone Produits Frais France"));
    expect(onLink).toHaveBeenCalledWith("lead_2");
  });

  it("announces searching and empty results", () => {
    mounted = render(<NoMatch lang="fr" results={[]} searching onLinkSearch={vi.fn()} onLink={vi.fn()} />);
    expect(mounted.container.textContent).toContain("Recherche…");
    mounted.rerender(<NoMatch lang="fr" results={[]} onLinkSearch={vi.fn()} onLink={vi.fn()} />);
    expect(mounted.container.textContent).toContain("Aucun lead ne correspond.");
  });

  it("renders result names as text", () => {
    const hostile = [{ ...results[0]!, name: "<img src=x onerror=alert(1)>" }];
    mounted = render(<NoMatch lang="en" results={hostile} onLinkSearch={vi.fn()} onLink={vi.fn()} />);
    expect(mounted.container.querySelector("img")).toBeNull();
    expect(mounted.container.textContent).toContain("<img src=x onerror=alert(1)>");
  });
});
