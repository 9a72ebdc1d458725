import { assertModel } from "./parse-model";
import type { Model, ModelInput } from "./model-schema";

/**
 * The seed model (every new workspace starts with it): pricing page +20, white-paper download +15, IT director
 * +25, company over 100 employees +10; MQL at 70. Behaviour points expire after 90 days so that stale interest
 * fades without changing the seed's arithmetic (20 + 15 + 25 + 10 = 70 while the visits are recent).
 */
export const DEFAULT_MODEL_INPUT = {
  version: 1,
  name: "Modèle par défaut",
  rules: [
    {
      id: "pricing-page",
      label: "Page Tarifs",
      points: 20,
      // Also under a prefix (/fr/tarifs, /demo/tarifs/): sites are often localised or nested.
      when: { path: ["/tarifs*", "/pricing*", "*/tarifs*", "*/pricing*"] },
      decay: { expireAfterDays: 90 },
    },
    {
      id: "white-paper",
      label: "Téléchargement d'un livre blanc",
      points: 15,
      when: { event: { name: "download", props: { asset: "livre-blanc*" } } },
      decay: { expireAfterDays: 90 },
    },
    { id: "it-director", label: "Fonction : directeur IT", points: 25, when: { persona: "it_director" } },
    // "> 100 employees": brackets whose minimum is at least 100, i.e. INSEE 22 (100–199) and above.
    { id: "company-over-100", label: "Entreprise de plus de 100 salariés", points: 10, when: { headcount: { gte: 100 } } },
  ],
  mql: { threshold: 70 },
} as const satisfies ModelInput;

export const DEFAULT_MODEL: Model = assertModel(DEFAULT_MODEL_INPUT);

/**
 * The seed's other definition: "MQL = interacted with 2+ content pieces AND 50+ employees AND tech sector".
 * Condition-based (no threshold); the rules only make the score readable on the lead card.
 */
export const CONTENT_FIT_MODEL_INPUT = {
  version: 1,
  name: "MQL : 2 contenus, 50 salariés, tech",
  counters: {
    content: {
      label: "Contenus consultés",
      when: {
        any: [{ event: { name: ["download", "webinar_register"] } }, { path: ["/etudes-de-cas/*", "/livres-blancs/*", "/guides/*", "/webinars/*"] }],
      },
      // The same white paper twice is one piece of content.
      distinctBy: ["props.asset", "path"],
    },
  },
  rules: [
    {
      id: "content",
      label: "Contenu consulté",
      points: 10,
      when: { any: [{ event: { name: ["download", "webinar_register"] } }, { path: ["/etudes-de-cas/*", "/livres-blancs/*", "/guides/*", "/webinars/*"] }] },
      repeat: { maxTimes: 5 },
    },
    { id: "size-50", label: "50 salariés ou plus", points: 10, when: { headcount: { gte: 50 } } },
    { id: "tech-sector", label: "Secteur tech (NAF J)", points: 10, when: { naf: { sections: ["J"] } } },
  ],
  mql: {
    when: {
      all: [{ metric: { name: "content", gte: 2 } }, { headcount: { gte: 50 } }, { naf: { sections: ["J"] } }],
    },
  },
} as const satisfies ModelInput;

export const CONTENT_FIT_MODEL: Model = assertModel(CONTENT_FIT_MODEL_INPUT);
