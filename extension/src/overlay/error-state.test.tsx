// @vitest-environment happy-dom
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DockedPanel } from "./docked-panel";
import { ErrorState } from "./error-state";
import { Loading } from "./loading";
import { button, click, keyDown, render, type Rendered } from "./test-render";

let mounted: Rendered | undefined;
afterEach(() => mounted?.unmount());

describe("ErrorState", () => {
  it("tells a refused API key in French and opens the options", () => {
    const onOpenOptions = vi.fn();
    mounted = render(<ErrorState lang="fr" kind="bad-api-key" onOpenOptions={onOpenOptions} onRetry={vi.fn()} />);
    const alert = mounted.container.querySelector('[role="alert"]');
    expect(alert?.querySelector(".sl-error__title")?.textContent).toBe("Clé API refusée — ouvrez les options");
    click(button(mounted.container, "Ouvrir les options"));
    expect(onOpenOptions).toHaveBeenCalledTimes(1);
    // Retrying with the same refused key cannot help.
    expect(() => button(mounted!.container, "Réessayer")).toThrow();
  });

  it("tells an unreachable API in English and offers a retry", () => {
    const onRetry = vi.fn();
    mounted = render(<ErrorState lang="en" kind="unreachable" onRetry={onRetry} />);
    expect(mounted.container.textContent).toContain("Sillage API unreachable");
    click(button(mounted.container, "Retry"));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});

describe("Loading", () => {
  it("is a polite status in both languages", () => {
    expect(renderToString(<Loading lang="fr" />)).toContain("Chargement du lead…");
    const html = renderToString(<Loading lang="en" />);
    expect(html).toContain('role="status"');
    expect(html).toContain("Loading lead…");
  });
});

describe("DockedPanel", () => {
  it("wraps any view and collapses it with Escape", () => {
    mounted = render(
      <DockedPanel lang="en">
        <ErrorState lang="en" kind="unknown" onRetry={vi.fn()} />
      </DockedPanel>,
    );
    const retry = button(mounted.container, "Retry");
    retry.focus();
    keyDown(retry, "Escape");
    expect((mounted.container.querySelector(".sl-panel") as HTMLElement).hidden).toBe(true);
  });
});
