import { useCallback, useEffect, useRef, useState } from "react";
import type { ActionResult } from "./types";

/** Runs a callback that may return a promise, exposing `pending` (to disable buttons against double
 * submits) and `failed` (to tell the user the background call did not go through). */
export function useAction(): {
  run: (fn: () => ActionResult, onDone?: () => void) => void;
  pending: boolean;
  failed: boolean;
} {
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback((fn: () => ActionResult, onDone?: () => void) => {
    setFailed(false);
    let result: ActionResult;
    try {
      result = fn();
    } catch {
      setFailed(true);
      return;
    }
    if (!result) {
      onDone?.();
      return;
    }
    setPending(true);
    result.then(
      () => {
        if (!mounted.current) return;
        setPending(false);
        onDone?.();
      },
      () => {
        if (!mounted.current) return;
        setPending(false);
        setFailed(true);
      },
    );
  }, []);

  return { run, pending, failed };
}
