import { en } from "./messages-en";
import { fr, type MessageKey } from "./messages-fr";

export type Lang = "fr" | "en";
export type { MessageKey };

const MESSAGES: Record<Lang, Record<MessageKey, string>> = { fr, en };

/** French for any French locale (fr, fr-FR, fr-CA…), English otherwise. */
export function detectLang(language: string | undefined = globalThis.navigator?.language): Lang {
  return language?.toLowerCase().startsWith("fr") ? "fr" : "en";
}

/** The UI string for `key`, with `{name}` placeholders filled from `vars` (left as-is when missing). */
export function t(key: MessageKey, lang: Lang, vars?: Record<string, string | number>): string {
  const template = MESSAGES[lang][key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(vars, name) ? String(vars[name]) : whole));
}
