/**
 * The background service worker: the only part of the extension that holds the API key and calls the
 * Sillage API. Content scripts, the popup and the options page ask it through src/messages.ts.
 */
import { browser } from "wxt/browser";
import { defineBackground } from "wxt/utils/define-background";
import { createApi } from "../src/background/api";
import { cacheWriter, restoreCache } from "../src/background/cache-persistence";
import { createBackgroundService, type SenderInfo } from "../src/background/service";
import { loadSettings, onSettingsChanged } from "../src/background/settings-store";

/**
 * The key lives in storage.local, which content scripts may read by default; only extension pages and this
 * worker need it. Browsers without this call for storage.local keep the default (the key is still never
 * sent to a page), hence no failure either way.
 */
function restrictSettingsToExtensionPages(): void {
  try {
    browser.storage.local.setAccessLevel?.({ accessLevel: "TRUSTED_CONTEXTS" })?.catch(() => {});
  } catch {
    // Not supported for this storage area here.
  }
}

export default defineBackground({
  type: "module",
  main() {
    restrictSettingsToExtensionPages();

    const service = createBackgroundService({
      loadSettings,
      hasOriginPermission: (pattern) => browser.permissions.contains({ origins: [pattern] }),
      createApi,
      notifyTab: (tabId, message) => {
        browser.tabs.sendMessage(tabId, message).catch(() => {
          // The tab navigated away or closed: nobody to tell.
        });
      },
      openOptions: () => browser.runtime.openOptionsPage(),
      onCacheChanged: cacheWriter(),
    });
    const restored = restoreCache(service.cache);
    onSettingsChanged(() => service.settingsChanged());

    const extensionOrigin = new URL(browser.runtime.getURL("/")).origin;
    browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
      // Only this extension's own scripts and pages; no `externally_connectable`, but check anyway.
      if (sender.id !== browser.runtime.id) return false;
      const info: SenderInfo = {
        tabId: sender.tab?.id,
        fromExtensionPage: !!sender.url && new URL(sender.url).origin === extensionOrigin,
      };
      restored.then(() => service.handle(message, info)).then(sendResponse);
      return true; // the answer is sent asynchronously
    });
  },
});
