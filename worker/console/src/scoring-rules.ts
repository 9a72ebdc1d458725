import { DEFAULT_PERSONAS } from "@sillage/shared/scoring/personas";
import type { Lang } from "./i18n";

/** A rule of the model document as the console reads and edits it (the worker validates the whole model). */
export interface RuleDoc {
  id: string;
  label: string;
  points: number;
  when: Record<string, unknown>;
  repeat?: { maxTimes?: number; maxPoints?: number };
  decay?: { halfLifeDays?: number; expireAfterDays?: number };
  enabled?: boolean;
}

export const REGION_NAMES: Readonly<Record<string, string>> = {
  "84": "Auvergne-Rhône-Alpes",
  "27": "Bourgogne-Franche-Comté",
  "53": "Bretagne",
  "24": "Centre-Val de Loire",
  "94": "Corse",
  "44": "Grand Est",
  "32": "Hauts-de-France",
  "11": "Île-de-France",
  "28": "Normandie",
  "75": "Nouvelle-Aquitaine",
  "76": "Occitanie",
  "52": "Pays de la Loire",
  "93": "Provence-Alpes-Côte d'Azur",
  "01": "Guadeloupe",
  "02": "Martinique",
  "03": "Guyane",
  "04": "La Réunion",
  "06": "Mayotte",
};

const WORDS = {
  fr: {
    page: "Page",
    url: "URL",
    event: "Événement",
    form: "Formulaire envoyé",
    time: "Temps sur la page ≥ {n} s",
    headcount: "Effectif",
    naf: "NAF",
    dep: "Département",
    region: "Région",
    revenue: "Chiffre d’affaires",
    category: "Catégorie",
    network: "Réseau",
    persona: "Fonction",
    job: "Intitulé de poste",
    email: "Domaine e-mail",
    metric: "Mesure",
    signal: "Signal",
    all: "toutes",
    any: "au moins une",
    not: "non",
    within: "sur {n} j",
    section: "section",
  },
  en: {
    page: "Page",
    url: "URL",
    event: "Event",
    form: "Form sent",
    time: "Time on page ≥ {n} s",
    headcount: "Headcount",
    naf: "NAF",
    dep: "Département",
    region: "Region",
    revenue: "Revenue",
    category: "Category",
    network: "Network",
    persona: "Job",
    job: "Job title",
    email: "E-mail domain",
    metric: "Metric",
    signal: "Signal",
    all: "all of",
    any: "any of",
    not: "not",
    within: "over {n} d",
    section: "section",
  },
} as const;

const list = (v: unknown) => (Array.isArray(v) ? v.join(", ") : String(v));
const range = (v: { gte?: unknown; lte?: unknown }) =>
  [v.gte !== undefined ? `≥ ${v.gte}` : "", v.lte !== undefined ? `≤ ${v.lte}` : ""].filter(Boolean).join(" et ");

/** A condition in words: "Page /tarifs*", "Effectif ≥ 100", "toutes (NAF section J ; Effectif ≥ 50)". */
export function describeCondition(c: Record<string, unknown>, lang: Lang): string {
  const w = WORDS[lang];
  const [key, value] = Object.entries(c)[0] ?? ["", undefined];
  // biome-ignore lint/suspicious/noExplicitAny: the worker validates conditions; this only puts them in words
  const v = value as any;
  switch (key) {
    case "all":
    case "any":
      return `${w[key]} (${(v as Record<string, unknown>[]).map((x) => describeCondition(x, lang)).join(" ; ")})`;
    case "not":
      return `${w.not} (${describeCondition(v, lang)})`;
    case "path":
      return `${w.page} ${list(v)}`;
    case "url":
      return `${w.url} ${list(v)}`;
    case "event":
      if (typeof v === "string") return `${w.event} ${v}`;
      return [
        `${w.event} ${v.name ? list(v.name) : "*"}`,
        v.props
          ? `(${Object.entries(v.props)
              .map(([k, p]) => `${k} = ${list(p)}`)
              .join(", ")})`
          : "",
        v.path ? `${w.page.toLowerCase()} ${list(v.path)}` : "",
      ]
        .filter(Boolean)
        .join(" ");
    case "form":
      return v === true ? w.form : `${w.form} ${list(v.path)}`;
    case "timeOnPage":
      return w.time.replace("{n}", String(v.gteSeconds)) + (v.path ? ` (${list(v.path)})` : "");
    case "headcount":
      return `${w.headcount} ${range(v)}`;
    case "naf":
      return `${w.naf} ${[v.sections ? `${w.section} ${list(v.sections)}` : "", v.codes ? list(v.codes) : "", v.prefixes ? `${list(v.prefixes)}…` : ""].filter(Boolean).join(", ")}`;
    case "departement":
      return `${w.dep} ${list(v)}`;
    case "region":
      return `${w.region} ${(v as string[]).map((r) => REGION_NAMES[r] ?? r).join(", ")}`;
    case "revenue":
      return `${w.revenue} ${range(v)}`;
    case "category":
      return `${w.category} ${list(v)}`;
    case "networkKind":
      return `${w.network} ${list(v)}`;
    case "persona": {
      const ids = typeof v === "string" ? [v] : (v as string[]);
      return `${w.persona} : ${ids.map((id) => (DEFAULT_PERSONAS as Record<string, { label: string }>)[id]?.label ?? id).join(", ")}`;
    }
    case "jobTitle":
      return `${w.job} ${list(v)}`;
    case "emailDomain":
      return `${w.email} ${list(v)}`;
    case "metric":
      return `${w.metric} ${v.name} ${range(v)}${v.withinDays ? ` ${w.within.replace("{n}", String(v.withinDays))}` : ""}`;
    case "signal":
      return `${w.signal} ${v}`;
    default:
      return JSON.stringify(c);
  }
}

export const TEMPLATE_KINDS = ["page", "event", "persona", "headcount", "naf", "region"] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** A new rule from a template and the one value the user typed; its id is made unique among `taken`. */
export function ruleFromTemplate(kind: TemplateKind, value: string, label: string, points: number, taken: readonly string[]): RuleDoc {
  const v = value.trim();
  const when: Record<string, unknown> =
    kind === "page"
      ? { path: v.startsWith("/") || v.startsWith("*") ? v : `*${v}*` }
      : kind === "event"
        ? { event: v }
        : kind === "persona"
          ? { persona: v }
          : kind === "headcount"
            ? { headcount: { gte: Number(v) } }
            : kind === "naf"
              ? /^[A-U]$/i.test(v)
                ? { naf: { sections: [v.toUpperCase()] } }
                : { naf: { prefixes: [v] } }
              : { region: [v] };
  const base =
    `${kind}-${v}`
      .toLowerCase()
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9_-]+/g, "-")
      .replace(/-{2,}/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 56) || kind;
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  // Hit rules fade when interest is old (as the seed model's); fit rules hold while true.
  const hitRule = kind === "page" || kind === "event";
  return { id, label: label.trim() || v, points, when, ...(hitRule ? { decay: { expireAfterDays: 90 } } : {}) };
}
