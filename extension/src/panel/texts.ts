/**
 * The few content-script strings the overlay's message set (src/i18n) does not have: set-up states and
 * error details. Same `{name}` placeholders.
 */
import type { Lang } from "../i18n/index";

const fr = {
  "setup.title": "Connectez Sillage",
  "setup.notConfigured": "Renseignez l’adresse de l’API et votre clé API dans les options de l’extension.",
  "setup.noPermission": "Autorisez l’extension à joindre {origin} : enregistrez à nouveau les options et acceptez la demande du navigateur.",
  "error.detail": "{message} (code {code}, requête {requestId})",
  "error.extensionReloaded": "Sillage a été mis à jour : rechargez la page.",
  "link.failed": "L’association a échoué : {message}",
  "search.failed": "La recherche a échoué : {message}",
  "timeline.identify": "Formulaire envoyé",
  "timeline.download": "Téléchargement",
  "timeline.event": "Événement « {name} »",
  "link.nothingToLink": "cette page n’indique ni page LinkedIn ni domaine à associer",
} as const;

export type ContentTextKey = keyof typeof fr;

const en: Record<ContentTextKey, string> = {
  "setup.title": "Connect Sillage",
  "setup.notConfigured": "Enter the API address and your API key in the extension's options.",
  "setup.noPermission": "Allow the extension to reach {origin}: save the options again and accept the browser's prompt.",
  "error.detail": "{message} (code {code}, request {requestId})",
  "error.extensionReloaded": "Sillage was updated: reload the page.",
  "link.failed": "Linking failed: {message}",
  "search.failed": "The search failed: {message}",
  "timeline.identify": "Form submitted",
  "timeline.download": "Download",
  "timeline.event": "Event “{name}”",
  "link.nothingToLink": "this page shows no LinkedIn page or domain to link",
};

const TEXTS: Record<Lang, Record<ContentTextKey, string>> = { fr, en };

export function ct(key: ContentTextKey, lang: Lang, vars: Record<string, string | number> = {}): string {
  return TEXTS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
