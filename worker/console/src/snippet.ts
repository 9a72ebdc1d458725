/** The snippet a site pastes before </head>: the README's, with this deployment's origin and the site's key. */
export function snippetFor(origin: string, siteKey: string): string {
  const o = origin.replace(/\/+$/, "");
  const key = encodeURIComponent(siteKey);
  return [
    `<script>window.sillage=window.sillage||function(){(sillage.q=sillage.q||[]).push(arguments)}</script>`,
    `<script async src="${o}/t.js" data-site="${key}"></script>`,
    `<noscript><img src="${o}/p.gif?site=${key}" alt="" width="1" height="1"></noscript>`,
  ].join("\n");
}

/** "www.acme.fr\n *.acme.fr \n\n" → ["www.acme.fr", "*.acme.fr"]. */
export function parseHostnames(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((h) => h.trim())
    .filter(Boolean);
}
