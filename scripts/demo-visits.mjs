// Simulated visits for the local demo: real corporate networks (from @ip-location-db/asn: Danone SA AS21272,
// La Poste S.A. AS35676) and consumer/hosting networks (Orange, Free, OVH) that must stay anonymous.
// Sent through the real collector, with X-Sillage-Client-IP standing for the visitor's address and
// X-Sillage-Client-City / -Postal-Code for Cloudflare's place of the visit (local mode only).

const UA = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

export const DEMO_VISITS = [
  {
    who: "Danone (corporate network) — reaches MQL",
    ip: "81.252.173.10",
    place: { city: "Paris", postalCode: "75009" },
    vid: "demo-visitor-danone",
    hits: [
      { url: "/demo/", title: "Accueil" },
      { url: "/demo/tarifs/", title: "Tarifs" },
      { type: "event", url: "/demo/livre-blanc/", name: "download", props: { asset: "livre-blanc" } },
      {
        type: "identify",
        url: "/demo/livre-blanc/",
        traits: { email: "claire.martin@danone.com", name: "Claire Martin", jobTitle: "DSI", phone: "+33 1 44 35 20 20" },
      },
    ],
  },
  {
    who: "La Poste (corporate network)",
    ip: "178.213.64.20",
    place: { city: "Paris", postalCode: "75015" },
    vid: "demo-visitor-laposte",
    hits: [
      { url: "/demo/", title: "Accueil" },
      { url: "/demo/cas-client/", title: "Cas client" },
    ],
  },
  { who: "Orange (consumer ISP) — stays anonymous", ip: "2.3.4.5", vid: "demo-visitor-orange", hits: [{ url: "/demo/tarifs/", title: "Tarifs" }] },
  { who: "Free (consumer ISP) — stays anonymous", ip: "62.147.10.20", vid: "demo-visitor-free", hits: [{ url: "/demo/", title: "Accueil" }] },
  { who: "OVH (hosting) — stays anonymous", ip: "2.26.132.9", vid: "demo-visitor-ovh", hits: [{ url: "/demo/", title: "Accueil" }] },
];

export async function sendDemoVisits(baseUrl, { siteKey = "demo-site-key" } = {}) {
  let sent = 0;
  for (const visit of DEMO_VISITS) {
    for (const hit of visit.hits) {
      const body = { site: siteKey, vid: visit.vid, type: "pageview", ...hit, url: new URL(hit.url, baseUrl).href };
      const res = await fetch(`${baseUrl}/collect`, {
        method: "POST",
        headers: {
          "Content-Type": "text/plain",
          "User-Agent": UA,
          "X-Sillage-Client-IP": visit.ip,
          ...(visit.place ? { "X-Sillage-Client-City": visit.place.city, "X-Sillage-Client-Postal-Code": visit.place.postalCode } : {}),
        },
        body: JSON.stringify(body),
      });
      if (res.status !== 204) throw new Error(`collect answered ${res.status}`);
      sent++;
    }
  }
  return sent;
}
