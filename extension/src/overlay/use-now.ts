import { useEffect, useState } from "react";

/** The current time, refreshed every `intervalMs` so relative dates and the SLA countdown stay true
 * while the panel is open. A fixed `now` (tests, stories) disables the clock. */
export function useNow(fixed: Date | undefined, intervalMs = 30_000): Date {
  const [now, setNow] = useState(() => fixed ?? new Date());
  useEffect(() => {
    if (fixed) {
      setNow(fixed);
      return;
    }
    const id = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(id);
  }, [fixed, intervalMs]);
  return fixed ?? now;
}
