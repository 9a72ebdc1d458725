/**
 * The lead panel page's first script (public/panel.html): opens the panel's port before the panel's code has
 * loaded (src/panel/early-port.ts). The content script names its document in the frame's URL fragment: this
 * panel is that document's only.
 */
import { defineUnlistedScript } from "wxt/utils/define-unlisted-script";
import { leaveEarlyPort, openEarlyPort } from "../src/panel/early-port";

export default defineUnlistedScript(() => leaveEarlyPort(openEarlyPort(location.hash.slice(1))));
