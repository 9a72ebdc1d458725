/**
 * Whether a page hostname belongs to a site. "example.fr" allows example.fr and www.example.fr;
 * "*.example.fr" allows example.fr and any subdomain. An empty list allows every hostname.
 */
export function hostnameAllowed(hostname: string, allowed: readonly string[]): boolean {
  if (allowed.length === 0) return true;
  const host = hostname.toLowerCase().replace(/\.$/, "");
  return allowed.some((entry) => {
    const e = entry.toLowerCase().trim();
    if (e.startsWith("*.")) {
      const apex = e.slice(2);
      return host === apex || host.endsWith("." + apex);
    }
    return host === e || host === "www." + e;
  });
}
