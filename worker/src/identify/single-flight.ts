/**
 * Concurrent callers asking the same question in one isolate share one answer: the first one runs it, the
 * others await its promise. A shared flight is awaited at most `maxShareMs`: a flight started by a request that
 * was cancelled may never settle, and then the waiter runs the question itself.
 */
export function singleFlight<T>(maxShareMs: number) {
  const flights = new Map<string, Promise<T>>();
  return async function share(key: string, run: () => Promise<T>): Promise<T> {
    const flying = flights.get(key);
    if (flying) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const giveUp = new Promise<"timeout">((resolve) => {
        timer = setTimeout(() => resolve("timeout"), maxShareMs);
      });
      try {
        const first = await Promise.race([flying, giveUp]);
        if (first !== "timeout") return first;
      } finally {
        clearTimeout(timer);
      }
      return run();
    }
    const flight = run();
    flights.set(key, flight);
    try {
      return await flight;
    } finally {
      if (flights.get(key) === flight) flights.delete(key);
    }
  };
}
