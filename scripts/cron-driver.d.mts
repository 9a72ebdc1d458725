// Types of cron-driver.mjs, for TypeScript tests.

export function cronsOf(tomlText: string): string[];
export function parseCron(expression: string): (d: Date) => boolean;
export function nextRun(expression: string, afterMs: number): number;
export function fireScheduled(baseUrl: string, cron: string, timeMs: number): Promise<number>;
export function startCronDriver(options: {
  baseUrl: string;
  crons: readonly string[];
  now?: () => number;
  fire?: (baseUrl: string, cron: string, timeMs: number) => Promise<unknown>;
  onRun?: (cron: string, at: number) => void;
  onError?: (cron: string, err: unknown) => void;
}): { firstRuns: Promise<unknown>; stop(): void };
export function configuredCrons(wranglerToml: string): string[];
