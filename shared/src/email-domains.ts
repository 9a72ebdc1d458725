/**
 * What an e-mail address's domain says about its owner. Only "company" domains may identify an
 * organisation: a gmail.com or orange.fr address says nothing about the employer, and reporting
 * "Orange" as the visiting company is the worst error the product can make.
 */

export type EmailDomainKind = "freemail" | "isp" | "disposable" | "education" | "company" | "invalid";

export interface EmailDomainClassification {
  /** Lower-case domain ("" when none could be read). */
  domain: string;
  kind: EmailDomainKind;
  reason: string;
}

/** Free webmail providers. Subdomains are included (e.g. "mail.yahoo.fr" is still Yahoo). */
const FREEMAIL = new Set([
  "gmail.com",
  "googlemail.com",
  "msn.com",
  "passport.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "aol.com",
  "aol.fr",
  "aim.com",
  "ymail.com",
  "rocketmail.com",
  "proton.me",
  "protonmail.com",
  "protonmail.ch",
  "pm.me",
  "tutanota.com",
  "tutanota.de",
  "tuta.io",
  "tuta.com",
  "mail.com",
  "email.com",
  "gmx.com",
  "gmx.fr",
  "gmx.de",
  "gmx.net",
  "gmx.at",
  "gmx.ch",
  "web.de",
  "zoho.com",
  "zohomail.com",
  "zohomail.eu",
  "fastmail.com",
  "fastmail.fm",
  "hey.com",
  "hushmail.com",
  "mailfence.com",
  "yandex.ru",
  "yandex.com",
  "ya.ru",
  "mail.ru",
  "inbox.ru",
  "list.ru",
  "bk.ru",
  "rambler.ru",
  "qq.com",
  "163.com",
  "126.com",
  "sina.com",
  "naver.com",
  "daum.net",
  "laposte.net", // La Poste's free webmail — laposte.fr is La Poste the company
  "lycos.fr",
  "caramail.com",
  "netcourrier.com",
  "voila.fr",
  "mailo.com",
  "ecomail.fr",
  "outlook.com",
  "duck.com",
  "privaterelay.appleid.com",
  "relay.firefox.com",
  "mozmail.com",
]);

/** Brands whose free webmail exists under many country TLDs: hotmail.fr, yahoo.co.uk, live.be… */
const FREEMAIL_BRANDS = new Set(["hotmail", "outlook", "live", "windowslive", "yahoo", "gmx", "yandex", "aol"]);
const COUNTRY_TLD = /^(?:com|net|org|[a-z]{2})(?:\.[a-z]{2})?$/;

/** Mailboxes that come with an internet subscription (French ISPs first, then common foreign ones). */
const ISP = new Set([
  "orange.fr",
  "wanadoo.fr",
  "free.fr",
  "freesbee.fr",
  "aliceadsl.fr",
  "alice.fr",
  "libertysurf.fr",
  "online.fr",
  "sfr.fr",
  "neuf.fr",
  "cegetel.net",
  "club-internet.fr",
  "9online.fr",
  "noos.fr",
  "numericable.fr",
  "numericable.com",
  "bbox.fr",
  "bouyguestelecom.fr",
  "nordnet.fr",
  "tele2.fr",
  "worldonline.fr",
  "infonie.fr",
  "dartybox.com",
  "calixo.net",
  "skynet.be",
  "telenet.be",
  "proximus.be",
  "voo.be",
  "bluewin.ch",
  "sunrise.ch",
  "hispeed.ch",
  "vtxnet.ch",
  "t-online.de",
  "arcor.de",
  "freenet.de",
  "libero.it",
  "tiscali.it",
  "virgilio.it",
  "alice.it",
  "tin.it",
  "btinternet.com",
  "virginmedia.com",
  "sky.com",
  "talktalk.net",
  "ntlworld.com",
  "comcast.net",
  "verizon.net",
  "att.net",
  "sbcglobal.net",
  "bellsouth.net",
  "cox.net",
  "charter.net",
  "earthlink.net",
  "videotron.ca",
  "sympatico.ca",
  "shaw.ca",
  "rogers.com",
  "bell.net",
  "telefonica.net",
  "movistar.es",
  "terra.es",
  "sapo.pt",
  "ziggo.nl",
  "kpnmail.nl",
  "planet.nl",
  "home.nl",
]);

/** Throw-away inbox services (a visitor hiding, or a bot). */
const DISPOSABLE = new Set([
  "yopmail.com",
  "yopmail.fr",
  "yopmail.net",
  "jetable.org",
  "mailinator.com",
  "guerrillamail.com",
  "guerrillamail.net",
  "guerrillamailblock.com",
  "sharklasers.com",
  "grr.la",
  "10minutemail.com",
  "10minutemail.net",
  "temp-mail.org",
  "tempmail.com",
  "tempmail.net",
  "tempmailo.com",
  "tempr.email",
  "discard.email",
  "trashmail.com",
  "trashmail.de",
  "trashmail.net",
  "getnada.com",
  "nada.email",
  "dispostable.com",
  "maildrop.cc",
  "mailnesia.com",
  "mintemail.com",
  "throwawaymail.com",
  "fakeinbox.com",
  "mohmal.com",
  "emailondeck.com",
  "spamgourmet.com",
  "mytemp.email",
  "moakt.com",
  "burnermail.io",
  "33mail.com",
  "mailcatch.com",
  "spambox.us",
  "tempinbox.com",
  "getairmail.com",
  "mail.tm",
  "dropmail.me",
  "emailfake.com",
  "crazymailing.com",
  "incognitomail.org",
]);

/** Reserved for documentation and tests (RFC 2606 / 6761): never a real organisation. */
const RESERVED = /(?:^|\.)(?:example\.(?:com|net|org)|example|invalid|localhost|test|local)$/;

/** Universities, schools and education authorities, by name. Patterns below catch the rest. */
const EDUCATION = new Set([
  "ens.fr",
  "ens-lyon.fr",
  "ens-paris-saclay.fr",
  "ens-rennes.fr",
  "psl.eu",
  "sorbonne-universite.fr",
  "sorbonne-nouvelle.fr",
  "pantheonsorbonne.fr",
  "sciencespo.fr",
  "polytechnique.edu",
  "polytechnique.fr",
  "centralesupelec.fr",
  "ec-lyon.fr",
  "ec-nantes.fr",
  "ec-lille.fr",
  "centrale-marseille.fr",
  "hec.fr",
  "hec.edu",
  "essec.edu",
  "escp.eu",
  "edhec.com",
  "edhec.edu",
  "em-lyon.com",
  "skema.edu",
  "neoma-bs.fr",
  "kedgebs.com",
  "audencia.com",
  "tbs-education.fr",
  "grenoble-em.com",
  "insead.edu",
  "unistra.fr",
  "unicaen.fr",
  "unilim.fr",
  "unice.fr",
  "uca.fr",
  "umontpellier.fr",
  "uvsq.fr",
  "upmc.fr",
  "dauphine.fr",
  "dauphine.psl.eu",
  "parisnanterre.fr",
  "unil.ch",
  "epfl.ch",
  "ethz.ch",
  "cnam.fr",
  "epita.fr",
  "epitech.eu",
  "isep.fr",
  "esiee.fr",
  "ece.fr",
  "estaca.fr",
  "imt-atlantique.fr",
  "telecom-paris.fr",
  "telecom-sudparis.eu",
  "mines-paristech.fr",
  "minesparis.psl.eu",
  "enpc.fr",
  "ensta-paris.fr",
  "isae-supaero.fr",
  "ensam.eu",
  "42.fr",
  "student.42.fr",
  "etu.unistra.fr",
  "education.gouv.fr",
  "enseignementsup-recherche.gouv.fr",
  "cned.fr",
  "kuleuven.be",
  "ulb.be",
  "uclouvain.be",
]);

const EDUCATION_PATTERNS: readonly [RegExp, string][] = [
  [/(?:^|\.)edu(?:\.[a-z]{2})?$/, "a .edu domain"],
  [/(?:^|\.)ac\.[a-z]{2}$/, "an academic second-level domain (ac.uk, ac.jp…)"],
  [/(?:^|\.)(?:univ|universite|u)-[a-z0-9-]+\.fr$/, "a French university domain"],
  [/(?:^|\.)ac-[a-z-]+\.fr$/, "a French académie (school teachers and pupils)"],
  [/(?:^|\.)insa-[a-z-]+\.fr$/, "an INSA engineering school"],
  [/^(?:etu|etud|etudiant|etudiants|student|students|eleve|eleves)\.[a-z0-9.-]+$/, "a student mail subdomain"],
];

function inSet(set: ReadonlySet<string>, domain: string): boolean {
  // The domain itself or any parent domain ("etu.univ-x.fr" → "univ-x.fr").
  const labels = domain.split(".");
  for (let i = 0; i < labels.length - 1; i++) if (set.has(labels.slice(i).join("."))) return true;
  return false;
}

function freemailBrand(domain: string): string | null {
  const [first, ...rest] = domain.split(".");
  return first && FREEMAIL_BRANDS.has(first) && COUNTRY_TLD.test(rest.join(".")) ? first : null;
}

/** Reads the domain of an address ("Jane <jane@Acme.FR>" → "acme.fr"); accepts a bare domain too. */
export function emailDomainOf(input: string): string {
  let text = input.trim().toLowerCase();
  const angle = /<([^>]*)>/.exec(text);
  if (angle) text = angle[1]!.trim();
  const at = text.lastIndexOf("@");
  const domain = (at >= 0 ? text.slice(at + 1) : text).replace(/\.$/, "");
  return domain;
}

export function classifyEmailDomain(emailOrDomain: string): EmailDomainClassification {
  const domain = emailDomainOf(emailOrDomain);
  if (!/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/.test(domain)) {
    return { domain, kind: "invalid", reason: "not a valid e-mail domain" };
  }
  if (RESERVED.test(domain)) return { domain, kind: "invalid", reason: "reserved for examples and tests" };
  if (inSet(DISPOSABLE, domain)) return { domain, kind: "disposable", reason: "throw-away inbox service" };
  if (inSet(ISP, domain)) return { domain, kind: "isp", reason: "mailbox of an internet access subscription" };
  if (inSet(FREEMAIL, domain)) return { domain, kind: "freemail", reason: "free webmail provider" };
  const brand = freemailBrand(domain);
  if (brand) return { domain, kind: "freemail", reason: `free webmail provider (${brand})` };
  if (inSet(EDUCATION, domain)) return { domain, kind: "education", reason: "university or school" };
  for (const [pattern, why] of EDUCATION_PATTERNS) {
    if (pattern.test(domain)) return { domain, kind: "education", reason: why };
  }
  return { domain, kind: "company", reason: "not a known free-mail, ISP, disposable or education domain" };
}

/** True only for domains that can identify an organisation. */
export function isCompanyEmailDomain(emailOrDomain: string): boolean {
  return classifyEmailDomain(emailOrDomain).kind === "company";
}
