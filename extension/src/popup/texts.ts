/** Popup strings, French and English. */
import type { Lang } from "../i18n/index";

const fr = {
  thisSite: "Ce site",
  inbox: "MQL à traiter",
  search: "Rechercher un lead",
  searchPlaceholder: "Nom ou SIREN",
  empty: "Aucun MQL en attente.",
  noResults: "Aucun lead ne correspond.",
  loading: "Chargement…",
  noTab: "Ouvrez le site d’une entreprise puis cliquez sur Sillage pour voir son lead.",
  overlaid: "Le panneau Sillage s’affiche directement sur cette page.",
  noLead: "Aucun lead Sillage pour {domain}.",
  score: "Score {score}",
  noSla: "Sans délai",
  slaLeft: "Reste {duration}",
  slaOverdue: "En retard de {duration}",
  openOptions: "Options",
  badKey: "Clé API refusée : ouvrez les options.",
  unreachable: "API Sillage injoignable.",
  setup: "Configurez l’adresse de l’API et la clé dans les options.",
  apiError: "Erreur : {message} (requête {requestId})",
} as const;

export type PopupTextKey = keyof typeof fr;

const en: Record<PopupTextKey, string> = {
  thisSite: "This site",
  inbox: "MQLs to handle",
  search: "Search leads",
  searchPlaceholder: "Name or SIREN",
  empty: "No MQL waiting.",
  noResults: "No lead matches.",
  loading: "Loading…",
  noTab: "Open a company's website, then click Sillage to see its lead.",
  overlaid: "The Sillage panel shows right on this page.",
  noLead: "No Sillage lead for {domain}.",
  score: "Score {score}",
  noSla: "No SLA",
  slaLeft: "{duration} left",
  slaOverdue: "Overdue by {duration}",
  openOptions: "Options",
  badKey: "API key refused: open the options.",
  unreachable: "Cannot reach the Sillage API.",
  setup: "Set the API address and key in the options.",
  apiError: "Error: {message} (request {requestId})",
};

const TEXTS: Record<Lang, Record<PopupTextKey, string>> = { fr, en };

export function pt(key: PopupTextKey, lang: Lang, vars: Record<string, string | number> = {}): string {
  return TEXTS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
