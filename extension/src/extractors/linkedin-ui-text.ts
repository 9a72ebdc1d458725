/**
 * LinkedIn's own interface wording, in the languages its UI ships in (English, French, then German, Spanish,
 * Portuguese, Italian, Dutch, Polish). Extractors match these to find a field or to refuse a name: a heading
 * or title that is LinkedIn's chrome ("Sign in", "Join LinkedIn") names no one.
 */

/** Titles and headings of LinkedIn's sign-in walls and loading pages, which keep the profile's or company's URL. */
export const LINKEDIN_UI_TITLES = [
  "LinkedIn",
  "Sign up",
  "Sign in",
  "Join LinkedIn",
  "Join now",
  "Log in",
  "LinkedIn Login, Sign in",
  "LinkedIn: Log In or Sign Up",
  "Security Verification",
  "S'inscrire",
  "S'identifier",
  "Se connecter",
  "Rejoindre LinkedIn",
  "Vérification de sécurité",
  "Anmelden",
  "Registrieren",
  "Iniciar sesión",
  "Únete a LinkedIn",
  "Entrar",
  "Accedi",
  "Inloggen",
  "Zaloguj się",
];

/** The end of an open date range: "Jan 2021 - Present", "juin 2017 - aujourd’hui", "ene. 2020 - actualidad",
 * "jan. de 2020 - o momento", "Jan. 2020 – Heute", "gen 2020 - presente", "jan. 2020 - heden", "sty 2020 - obecnie".
 * Written as LinkedIn words them after labelKey(): lowercase, accents stripped, apostrophes straightened. */
export const OPEN_END_WORDS = [
  "present",
  "current",
  "now",
  "aujourd'hui",
  "ce jour",
  "actuel",
  "heute",
  "actualidad",
  "la actualidad",
  "o momento",
  "atual",
  "presente",
  "oggi",
  "heden",
  "obecnie",
];

/** Headings of a profile's Experience section, labelKey()'d. */
export const EXPERIENCE_HEADINGS = [
  "experience",
  "experiences",
  "berufserfahrung",
  "erfahrung",
  "experiencia",
  "esperienza",
  "esperienze",
  "ervaring",
  "werkervaring",
  "doswiadczenie",
];

/** The signed-in top card's button: "Current company: Doctolib. Click to skip to experience card". */
export const CURRENT_COMPANY_LABELS = [
  "current company",
  "entreprise actuelle",
  "societe actuelle",
  "aktuelles unternehmen",
  "empresa actual",
  "empresa atual",
  "azienda attuale",
  "huidig bedrijf",
  "huidige werkgever",
  "obecna firma",
];

/** A company page's Website field label. */
export const WEBSITE_LABELS = ["Website", "Site web", "Site internet", "Sitio web", "Sito web", "Strona WWW"];

/** The company top card's button to the company's site, by its text or aria-label (start of it). */
export const VISIT_WEBSITE_LABELS = [
  "visit website",
  "voir le site web",
  "visiter le site web",
  "consulter le site web",
  "website besuchen",
  "visitar sitio web",
  "visitar site",
  "acessar site",
  "visita il sito web",
  "visita sito web",
  "website bezoeken",
  "odwiedz strone",
];
