/** Links built from remote data: only web URLs become hrefs, so a `javascript:` value can never run. */

export function safeHttpUrl(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw.trim());
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function mailtoHref(email: string | null | undefined): string | undefined {
  const e = email?.trim();
  // No "?" or "&": a value must not smuggle extra mail headers (bcc=…) into the link.
  return e && /^[^\s@<>()",;:?&=/]+@[^\s@<>()",;:?&=/]+\.[^\s@<>()",;:?&=/]+$/.test(e) ? `mailto:${e}` : undefined;
}

/** `tel:` with only the characters a dialler uses. */
export function telHref(phone: string | null | undefined): string | undefined {
  const digits = phone?.replace(/[^\d+]/g, "") ?? "";
  return /^\+?\d{4,15}$/.test(digits) ? `tel:${digits}` : undefined;
}
