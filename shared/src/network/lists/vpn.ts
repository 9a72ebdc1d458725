import type { AsnList } from "./types";

/**
 * Networks whose traffic is mostly VPN or anonymising-proxy exits: the hosting providers that commercial VPNs
 * rent their exit servers from, and the VPNs' own ASNs. Proxied users could be anyone, anywhere.
 * iCloud Private Relay egresses through Akamai AS36183 (listed here) and through Cloudflare and Fastly (listed
 * as hosting: their ASNs cannot be split).
 */
export const VPN_EXITS: AsnList = {
  9009: "M247 (VPN exit hosting)",
  16247: "M247",
  42973: "M247",
  212238: "Datacamp / CDN77 (VPN exit hosting)",
  60068: "Datacamp / CDN77",
  136787: "PacketHub (NordVPN, Tefincom)",
  147049: "PacketHub (NordVPN)",
  207137: "PacketHub (NordVPN)",
  141039: "PacketHub (NordVPN)",
  62371: "Proton VPN",
  209103: "Proton VPN",
  39351: "Mullvad VPN (31173 Services AB)",
  216025: "Mullvad VPN",
  203619: "IVPN",
  397540: "Windscribe",
  201665: "Anonymizer",
  396507: "Emerald Onion (Tor exit relays)",
  36183: "iCloud Private Relay (Akamai egress)",
};
