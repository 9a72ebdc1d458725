/**
 * Settings in `browser.storage.local`, which outlives browser restarts. The background restricts that area
 * to the extension's own pages (`setAccessLevel`, see background entrypoint), so content scripts running
 * next to LinkedIn or a CRM cannot read the API key even if asked to.
 */
import { browser } from "wxt/browser";
import { DEFAULT_API_BASE_URL, SETTINGS_KEYS, type Settings } from "./settings";

export async function loadSettings(): Promise<Partial<Settings>> {
  const stored = await browser.storage.local.get([SETTINGS_KEYS.apiBaseUrl, SETTINGS_KEYS.apiKey]);
  const apiBaseUrl = stored[SETTINGS_KEYS.apiBaseUrl];
  const apiKey = stored[SETTINGS_KEYS.apiKey];
  return {
    apiBaseUrl: typeof apiBaseUrl === "string" && apiBaseUrl ? apiBaseUrl : DEFAULT_API_BASE_URL,
    apiKey: typeof apiKey === "string" && apiKey ? apiKey : undefined,
  };
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEYS.apiBaseUrl]: settings.apiBaseUrl, [SETTINGS_KEYS.apiKey]: settings.apiKey });
}

/** Calls `fn` when the saved API address or key changes (from the options page or another window). */
export function onSettingsChanged(fn: () => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === "local" && (SETTINGS_KEYS.apiBaseUrl in changes || SETTINGS_KEYS.apiKey in changes)) fn();
  });
}
