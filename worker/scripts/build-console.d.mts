// Types of build-console.mjs for the TypeScript callers (the console benchmark).
export const CONSOLE_DIR: string;
export const CONSOLE_MODULE: string;
export function consoleSources(): string[];
export function measure(dir: string): Array<{ file: string; raw: number; gzip: number }>;
export function buildConsole(): Promise<{ files: number; jsGzip: number; cssGzip: number }>;
