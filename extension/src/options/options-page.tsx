/**
 * Options: where the Sillage API is and which key to use. Saving asks the browser for access to that one
 * origin (optional host permission), inside the click so the browser accepts to show its prompt.
 */
import { useEffect, useId, useState, type FormEvent } from "react";
import { browser } from "wxt/browser";
import { loadSettings, saveSettings } from "../background/settings-store";
import { DEFAULT_API_BASE_URL, looksLikeApiKey, normalizeBaseUrl, originPattern } from "../background/settings";
import type { Lang } from "../i18n/index";
import { sendRequest } from "../messages";
import { connectionMessage, type Tone } from "./connection-message";
import { ot } from "./texts";

interface Status {
  tone: Tone | "info";
  text: string;
}

/** Checks the form; returns the normalised settings or the message saying what is wrong. */
function validate(baseUrl: string, apiKey: string, lang: Lang): { apiBaseUrl: string; apiKey: string } | Status {
  const apiBaseUrl = normalizeBaseUrl(baseUrl);
  if (!apiBaseUrl) return { tone: "error", text: ot("invalidUrl", lang) };
  if (!looksLikeApiKey(apiKey)) return { tone: "error", text: ot("invalidKey", lang) };
  return { apiBaseUrl, apiKey: apiKey.trim() };
}

export function OptionsPage({ lang }: { lang: Lang }) {
  const [baseUrl, setBaseUrl] = useState(DEFAULT_API_BASE_URL);
  const [apiKey, setApiKey] = useState("");
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  const urlId = useId();
  const keyId = useId();

  useEffect(() => {
    loadSettings().then((s) => {
      if (s.apiBaseUrl) setBaseUrl(s.apiBaseUrl);
      if (s.apiKey) setApiKey(s.apiKey);
    });
  }, []);

  /** Asks for the API origin; must be called synchronously from the click (user gesture). */
  const requestOrigin = (apiBaseUrl: string) => browser.permissions.request({ origins: [originPattern(apiBaseUrl)] }).catch(() => false);

  const save = (e: FormEvent) => {
    e.preventDefault();
    const valid = validate(baseUrl, apiKey, lang);
    if (!("apiBaseUrl" in valid)) return setStatus(valid);
    const granted = requestOrigin(valid.apiBaseUrl);
    setBusy(true);
    void (async () => {
      // Saved even when access is refused: the overlay then explains that access is missing.
      await saveSettings(valid);
      setBaseUrl(valid.apiBaseUrl);
      const origin = new URL(valid.apiBaseUrl).origin;
      setStatus((await granted) ? { tone: "ok", text: ot("saved", lang) } : { tone: "error", text: ot("savedNoPermission", lang, { origin }) });
      setBusy(false);
    })();
  };

  const test = () => {
    const valid = validate(baseUrl, apiKey, lang);
    if (!("apiBaseUrl" in valid)) return setStatus(valid);
    const granted = requestOrigin(valid.apiBaseUrl);
    setBusy(true);
    setStatus({ tone: "info", text: ot("testing", lang) });
    void (async () => {
      await granted; // refused: the background answers "no-permission", explained below
      const result = await sendRequest("test-connection", { baseUrl: valid.apiBaseUrl, apiKey: valid.apiKey });
      setStatus(connectionMessage(result, valid.apiBaseUrl, lang));
      setBusy(false);
    })();
  };

  return (
    <main className="opt">
      <h1>{ot("title", lang)}</h1>
      <p className="opt-muted">{ot("intro", lang)}</p>
      <form onSubmit={save} noValidate>
        <label htmlFor={urlId}>{ot("baseUrl", lang)}</label>
        <input id={urlId} type="url" value={baseUrl} autoComplete="off" spellCheck={false} onChange={(e) => setBaseUrl(e.target.value)} />
        <p className="opt-muted">{ot("baseUrlHint", lang)}</p>
        <label htmlFor={keyId}>{ot("apiKey", lang)}</label>
        <input id={keyId} type="password" value={apiKey} autoComplete="off" spellCheck={false} onChange={(e) => setApiKey(e.target.value)} />
        <p className="opt-muted">{ot("apiKeyHint", lang)}</p>
        <div className="opt-row">
          <button type="submit" className="opt-primary" disabled={busy}>
            {ot("save", lang)}
          </button>
          <button type="button" disabled={busy} onClick={test}>
            {ot("test", lang)}
          </button>
        </div>
      </form>
      <p className={`opt-status opt-status--${status?.tone ?? "none"}`} role="status" aria-live="polite">
        {status?.text}
      </p>
    </main>
  );
}
