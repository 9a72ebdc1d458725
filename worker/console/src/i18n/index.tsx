import { createContext, useContext, useMemo, useState, type ReactNode } from "react";
// The lead panel's strings and formatters are the extension's (one wording for both).
import { fr as extensionFr, type MessageKey as ExtensionKey } from "../../../../extension/src/i18n/messages-fr";
import { en as extensionEn } from "../../../../extension/src/i18n/messages-en";
import { consoleFr, type ConsoleMessageKey } from "./messages-fr";
import { consoleEn } from "./messages-en";

export type Lang = "fr" | "en";
export type MessageKey = ConsoleMessageKey | ExtensionKey;
export type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

const MESSAGES: Record<Lang, Record<MessageKey, string>> = {
  fr: { ...extensionFr, ...consoleFr },
  en: { ...extensionEn, ...consoleEn },
};

/** Fills `{name}` placeholders; unknown ones stay visible. */
export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const template = MESSAGES[lang][key] ?? key;
  return vars ? template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : template;
}

const LANG_KEY = "sillage.console.lang";
/** French by default; the choice of English is remembered (a preference, nothing secret). */
function initialLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === "en" ? "en" : "fr";
  } catch {
    return "fr";
  }
}

interface I18n {
  lang: Lang;
  t: T;
  setLang(lang: Lang): void;
}
const Ctx = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const value = useMemo<I18n>(
    () => ({
      lang,
      t: (key, vars) => translate(lang, key, vars),
      setLang: (next) => {
        setLangState(next);
        document.documentElement.lang = next;
        try {
          localStorage.setItem(LANG_KEY, next);
        } catch {}
      },
    }),
    [lang],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(Ctx);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}
