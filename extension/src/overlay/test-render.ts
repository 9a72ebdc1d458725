/** Test helpers: render into the happy-dom document with react-dom/client, and fire the events React
 * listens to. Only imported by *.test.tsx files. */
import { act, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Rendered {
  container: HTMLElement;
  root: Root;
  rerender: (ui: ReactNode) => void;
  unmount: () => void;
}

export function render(ui: ReactNode, parent: Element | ShadowRoot = document.body): Rendered {
  const container = document.createElement("div");
  parent.appendChild(container);
  const root = createRoot(container);
  act(() => root.render(ui));
  return {
    container,
    root,
    rerender: (next) => act(() => root.render(next)),
    unmount: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}

export function click(el: Element | null | undefined): void {
  if (!el) throw new Error("click: element not found");
  act(() => (el as HTMLElement).click());
}

/** Sets a form field the way typing does: React tracks the value, so go through the prototype setter. */
export function setValue(el: Element | null | undefined, value: string): void {
  if (!el) throw new Error("setValue: element not found");
  const proto = Object.getPrototypeOf(el) as object;
  const setter = Object.getOwnPropertyDescriptor(proto, "value")?.set;
  act(() => {
    setter?.call(el, value);
    el.dispatchEvent(new Event(el.tagName === "SELECT" ? "change" : "input", { bubbles: true }));
  });
}

export function submit(form: Element | null | undefined): void {
  if (!form) throw new Error("submit: form not found");
  act(() => {
    form.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
  });
}

export function keyDown(el: Element | null | undefined, key: string): void {
  if (!el) throw new Error("keyDown: element not found");
  act(() => {
    el.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }));
  });
}

/** The button whose accessible name (text or aria-label) is exactly `name`. */
export function button(root: ParentNode, name: string): HTMLButtonElement {
  const found = Array.from(root.querySelectorAll("button")).find((b) => b.getAttribute("aria-label") === name || b.textContent?.trim() === name);
  if (!found) throw new Error(`no button named ${JSON.stringify(name)}`);
  return found as HTMLButtonElement;
}
