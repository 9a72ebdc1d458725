/** Options page strings, French and English (the browser's language decides). */
import type { Lang } from "../i18n/index";

const fr = {
  title: "Sillage — options",
  intro:
    "L’extension affiche vos leads Sillage sur LinkedIn, HubSpot, Salesforce et Pipedrive. Elle a besoin de l’adresse de votre API Sillage et d’une clé API.",
  baseUrl: "Adresse de l’API",
  baseUrlHint: "Par exemple http://127.0.0.1:8787 en local, ou l’adresse de votre worker Cloudflare.",
  apiKey: "Clé API",
  apiKeyHint: "Commence par slg_ ; créée par un administrateur de l’espace Sillage.",
  save: "Enregistrer",
  test: "Tester la connexion",
  testing: "Test en cours…",
  saved: "Réglages enregistrés.",
  savedNoPermission:
    "Réglages enregistrés, mais l’accès à {origin} a été refusé : l’extension ne pourra pas joindre l’API. Enregistrez à nouveau et acceptez la demande du navigateur.",
  invalidUrl: "Adresse invalide : indiquez une URL http:// ou https:// sans paramètres.",
  invalidKey: "Clé invalide : une clé Sillage commence par slg_ suivi de 40 caractères hexadécimaux.",
  ok: "Connexion réussie à l’espace « {workspace} » (rôle : {role}).",
  badKey: "Clé API refusée : vérifiez-la ou demandez-en une nouvelle à un administrateur.",
  unreachable: "API injoignable à {url} : vérifiez l’adresse et que le service fonctionne. ({message})",
  noPermission: "Accès à {origin} refusé : acceptez la demande du navigateur pour que l’extension puisse joindre l’API.",
  notConfigured: "Renseignez l’adresse de l’API et la clé API.",
  apiError: "Erreur de l’API : {message} (code {code}, requête {requestId}).",
  extension: "L’extension ne répond pas : rechargez cette page. ({message})",
} as const;

export type OptionsTextKey = keyof typeof fr;

const en: Record<OptionsTextKey, string> = {
  title: "Sillage — options",
  intro: "The extension shows your Sillage leads on LinkedIn, HubSpot, Salesforce and Pipedrive. It needs the address of your Sillage API and an API key.",
  baseUrl: "API address",
  baseUrlHint: "For example http://127.0.0.1:8787 locally, or the address of your Cloudflare worker.",
  apiKey: "API key",
  apiKeyHint: "Starts with slg_; created by an administrator of the Sillage workspace.",
  save: "Save",
  test: "Test the connection",
  testing: "Testing…",
  saved: "Settings saved.",
  savedNoPermission: "Settings saved, but access to {origin} was refused: the extension cannot reach the API. Save again and accept the browser's prompt.",
  invalidUrl: "Invalid address: give an http:// or https:// URL without parameters.",
  invalidKey: "Invalid key: a Sillage key is slg_ followed by 40 hexadecimal characters.",
  ok: "Connected to the workspace “{workspace}” (role: {role}).",
  badKey: "API key refused: check it or ask an administrator for a new one.",
  unreachable: "Cannot reach the API at {url}: check the address and that the service is running. ({message})",
  noPermission: "Access to {origin} refused: accept the browser's prompt so the extension can reach the API.",
  notConfigured: "Enter the API address and the API key.",
  apiError: "API error: {message} (code {code}, request {requestId}).",
  extension: "The extension does not answer: reload this page. ({message})",
};

const TEXTS: Record<Lang, Record<OptionsTextKey, string>> = { fr, en };

export function ot(key: OptionsTextKey, lang: Lang, vars: Record<string, string | number> = {}): string {
  return TEXTS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
