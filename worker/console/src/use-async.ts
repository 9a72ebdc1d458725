import { useCallback, useEffect, useRef, useState } from "react";
import { errorText } from "./api";
import { useI18n } from "./i18n";

export type Async<T> = { status: "loading"; data?: T } | { status: "ok"; data: T } | { status: "error"; error: unknown; data?: T };

/**
 * Runs `load` now and whenever `deps` change; `reload()` runs it again keeping the previous data on screen
 * (no flash while polling). Answers to an outdated call are ignored.
 */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): Async<T> & { reload: () => Promise<void> } {
  const [state, setState] = useState<Async<T>>({ status: "loading" });
  const seq = useRef(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);
  const reload = useCallback(async () => {
    const mine = ++seq.current;
    try {
      const data = await run();
      if (mine === seq.current) setState({ status: "ok", data });
    } catch (error) {
      if (mine === seq.current) setState((s) => ({ status: "error", error, data: s.data }));
    }
  }, [run]);
  useEffect(() => {
    setState((s) => ({ status: "loading", data: s.data }));
    void reload();
  }, [reload]);
  return { ...state, reload };
}

/** Calls `tick` every `ms` while the page is visible. */
export function useInterval(tick: () => void, ms: number | null) {
  const saved = useRef(tick);
  saved.current = tick;
  useEffect(() => {
    if (ms === null) return;
    const id = setInterval(() => {
      if (document.visibilityState === "visible") saved.current();
    }, ms);
    return () => clearInterval(id);
  }, [ms]);
}

/**
 * An action the user starts (a form sent, a button pressed): `pending` while it runs, and its failure said
 * plainly in `error`, cleared when it runs again.
 */
export function useAction(): { pending: boolean; error: string | null; run: (action: () => Promise<void>) => Promise<void> } {
  const { t } = useI18n();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<void>) => {
    setPending(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(errorText(err, t("app.unreachable")));
    } finally {
      setPending(false);
    }
  };
  return { pending, error, run };
}
