/**
 * The background service worker: the only part of the extension that holds the API key and calls the
 * Sillage API. Content scripts, the popup and the options page ask it through src/messages.ts.
 */
import { browser } from "wxt/browser";
import { defineBackground } from "wxt/utils/define-background";
import { createApi } from "../src/background/api";
import { cacheWriter, restoreCache } from "../src/background/cache-persistence";
import { PanelPorts } from "../src/background/panel-ports";
import { createBackgroundService, type SenderInfo } from "../src/background/service";
import { panelPortDoc, type PanelPush } from "../src/messages";
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

    const panels = new PanelPorts<Browser.runtime.Port>();
    const service = createBackgroundService({
      loadSettings,
      hasOriginPermission: (pattern) => browser.permissions.contains({ origins: [pattern] }),
      createApi,
      notifyPanel: (tabId, message: PanelPush, doc?: string) => panels.post(tabId, message, doc),
      notifyPage: (tabId, message) => {
        // The page's own frame only: the content script of the top document.
        browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => {
          // The tab navigated away or closed: nobody to tell.
        });
      },
      openOptions: () => browser.runtime.openOptionsPage(),
      onCacheChanged: cacheWriter(),
    });
    const restored = restoreCache(service.cache);
    onSettingsChanged(() => service.settingsChanged());
    browser.permissions.onAdded.addListener(() => service.permissionsChanged());
    browser.permissions.onRemoved.addListener(() => service.permissionsChanged());

    const extensionOrigin = new URL(browser.runtime.getURL("/")).origin;
    const fromExtensionPage = (url: string | undefined) => !!url && new URL(url).origin === extensionOrigin;

    browser.runtime.onConnect.addListener((port) => {
      const tabId = port.sender?.tab?.id;
      // Only the lead panel, an extension page framed in a tab; never a content script or another extension.
      const doc = panelPortDoc(port.name);
      if (doc === null || port.sender?.id !== browser.runtime.id || !fromExtensionPage(port.sender?.url) || tabId === undefined) {
        port.disconnect();
        return;
      }
      port.onDisconnect.addListener(panels.add(tabId, port, doc));
      restored.then(() => service.panelConnected(tabId, doc));
    });
    browser.tabs.onRemoved.addListener((tabId) => service.tabClosed(tabId));

    browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
      // Only this extension's own scripts and pages; no `externally_connectable`, but check anyway.
      if (sender.id !== browser.runtime.id) return false;
      const info: SenderInfo = {
        tabId: sender.tab?.id,
        fromExtensionPage: fromExtensionPage(sender.url),
      };
      restored.then(() => service.handle(message, info)).then(sendResponse);
      return true; // the answer is sent asynchronously
    });
  },
});
