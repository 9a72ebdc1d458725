/**
 * The visitor-facing opt-out page (French), served by GET/POST /opt-out/page. Self-contained: no external
 * assets, one inline style and one inline script allowed by a per-response nonce. Every piece of data is
 * escaped by `text()` on the server, and the script only copies the browser id into a hidden input (never
 * innerHTML), so a site name cannot inject markup.
 */

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);
const text = escapeHtml;

export type OptOutPageState =
  | { kind: "ask"; siteName: string; siteKey: string; vid: string | null }
  | { kind: "done"; siteName: string }
  | { kind: "error"; message: string };

const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; color: #1d2330; background: #f6f7f9; margin: 0; }
  main { max-width: 36rem; margin: 3rem auto; padding: 2rem; background: #fff; border-radius: 12px; box-shadow: 0 1px 3px #0002; }
  h1 { font-size: 1.35rem; margin-top: 0; }
  button { font: inherit; padding: .6rem 1.2rem; border: 0; border-radius: 8px; background: #1f4fd1; color: #fff; cursor: pointer; }
  .note { color: #5b6472; font-size: .9rem; }
  [hidden] { display: none !important; }`;

// Reads `#vid=…` (the form a site's privacy page links with, kept out of server logs) into the form.
const SCRIPT = `
  var f = document.getElementById("f"), v = f.elements.vid, m = /(?:^#|&)vid=([A-Za-z0-9_-]{8,64})(?:&|$)/.exec(location.hash);
  if (!v.value && m) v.value = m[1];
  if (v.value) { f.hidden = false; document.getElementById("novid").hidden = true; }`;

function body(state: OptOutPageState): string {
  if (state.kind === "error") return `<h1>Opposition au suivi</h1><p>${text(state.message)}</p>`;
  if (state.kind === "done")
    return `<h1>C’est noté</h1>
      <p>Ce navigateur ne sera plus suivi sur le site « ${text(state.siteName)} ». Votre choix est conservé tant que
      l’identifiant de ce navigateur l’est (il disparaît si vous effacez les données du site dans votre navigateur :
      revenez alors sur cette page).</p>
      <p class="note">Pour obtenir l’effacement des données déjà collectées, adressez-vous à l’éditeur du site,
      responsable de ces données.</p>`;
  const hasVid = state.vid !== null;
  return `<h1>Vous opposer au suivi de votre visite</h1>
    <p>Le site « ${text(state.siteName)} » mesure sa fréquentation avec Sillage : les pages vues, et l’entreprise
    dont le réseau vous connecte, jamais votre identité — sauf si vous la donnez vous-même dans un formulaire du site.</p>
    <p>Vous pouvez vous y opposer. Ce choix vaut pour ce navigateur et ce site ; il est enregistré avec l’identifiant
    aléatoire que le site a attribué à votre navigateur.</p>
    <form id="f" method="post" action="/opt-out/page"${hasVid ? "" : " hidden"}>
      <input type="hidden" name="site" value="${text(state.siteKey)}">
      <input type="hidden" name="vid" value="${text(state.vid ?? "")}">
      <button type="submit">Ne plus me suivre sur ce site</button>
    </form>
    <div id="novid"${hasVid ? " hidden" : ""}>
      <p><strong>Votre navigateur n’a pas été reconnu.</strong> Ouvrez cette page depuis le lien de la politique de
      confidentialité du site : il lui transmet l’identifiant de votre navigateur.</p>
      <p class="note">Autres possibilités : activer le signal « Global Privacy Control » de votre navigateur, ou bloquer
      le stockage de données pour ce site (le suivi ne peut alors plus reconnaître votre navigateur d’une visite à l’autre).</p>
    </div>`;
}

export function optOutPage(state: OptOutPageState, nonce: string): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Opposition au suivi — Sillage</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<main>
${body(state)}
</main>
${state.kind === "ask" ? `<script nonce="${nonce}">${SCRIPT}</script>` : ""}
</body>
</html>`;
}

/**
 * Only this page's own inline style and script run; the form posts to this origin only. Framing is allowed on
 * purpose: sites embed this page in their privacy policy (the worst a hostile frame can do is opt someone out).
 */
export function optOutPageHeaders(nonce: string): Record<string, string> {
  return {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Security-Policy": `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; form-action 'self'; base-uri 'none'`,
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
  };
}

export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
