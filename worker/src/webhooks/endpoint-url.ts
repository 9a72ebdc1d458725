const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);
const MAX_URL_LENGTH = 2000;

export type EndpointUrlCheck = { ok: true; url: string } | { ok: false; message: string };

/**
 * Webhook URLs must be https: lead data (names, e-mails, phones) must not cross the Internet in clear. Plain
 * http is accepted only for the loopback interface in local mode (`SILLAGE_TRUST_CLIENT_IP` = "1"), so that a
 * developer can point Sillage at a receiver on their machine. Credentials in the URL are refused: they would
 * be shown back in every listing.
 */
export function checkEndpointUrl(raw: string, opts: { localMode: boolean }): EndpointUrlCheck {
  if (raw.length > MAX_URL_LENGTH) return { ok: false, message: `url: at most ${MAX_URL_LENGTH} characters` };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, message: "url: not a valid absolute URL" };
  }
  if (url.username || url.password) return { ok: false, message: "url: must not contain a user name or password" };
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (loopback && !opts.localMode) return { ok: false, message: "url: must be a public https URL" };
  if (url.protocol === "https:") return { ok: true, url: url.toString() };
  if (url.protocol === "http:" && loopback) return { ok: true, url: url.toString() };
  return {
    ok: false,
    message: opts.localMode ? "url: must be https (or http on 127.0.0.1 / localhost in local mode)" : "url: must be https",
  };
}
