/**
 * The lead panels' ports, by tab, with the document that framed each. A tab shows one panel at a time, but across
 * a full navigation the previous document's panel may still be connected when the next one's connects (a port's
 * end arrives from another process, in any order): a document's news goes to its own panel only.
 */
export interface PanelPort {
  postMessage(message: unknown): void;
}

export class PanelPorts<P extends PanelPort = PanelPort> {
  private readonly byTab = new Map<number, Map<P, string | undefined>>();

  /** Adds a panel's port (`doc`: the document that framed it; undefined when it named none); returns its removal. */
  add(tabId: number, port: P, doc: string | undefined): () => void {
    const ports = this.byTab.get(tabId) ?? new Map<P, string | undefined>();
    this.byTab.set(tabId, ports.set(port, doc));
    return () => {
      ports.delete(port);
      if (ports.size === 0 && this.byTab.get(tabId) === ports) this.byTab.delete(tabId);
    };
  }

  /** To every panel of the tab; with `doc`, to that document's panel only (and to panels that named none). */
  post(tabId: number, message: unknown, doc?: string): void {
    for (const [port, portDoc] of this.byTab.get(tabId) ?? []) {
      if (doc === undefined || portDoc === undefined || portDoc === doc) port.postMessage(message);
    }
  }
}
