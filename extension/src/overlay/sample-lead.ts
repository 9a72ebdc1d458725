import type { Lead } from "./types";

/** A realistic MQL for tests and previews (Danone's legal data; visits and contact are made up). */
export const NOW = new Date("2025-06-10T12:00:00Z");

export function sampleLead(overrides: Partial<Lead> = {}): Lead {
  return {
    id: "lead_01HZX3",
    company: {
      name: "Danone",
      siren: "552032534",
      nafCode: "70.10Z",
      nafLabel: "Activités des sièges sociaux",
      headcountLabel: "100 à 199 salariés",
      revenue: 27_376_000_000,
      revenueYear: 2024,
      categorie: "GE",
      city: "Paris",
      linkedinUrl: "https://www.linkedin.com/company/danone/",
    },
    score: {
      value: 75,
      threshold: 70,
      explanation: [
        { label: "Visite de la page Tarifs", points: 20, at: "2025-06-10T09:00:00Z" },
        { label: "Téléchargement du livre blanc", points: 15, at: "2025-06-09T12:00:00Z" },
        { label: "Intitulé de poste « Directeur IT »", points: 25, at: "2025-06-08T12:00:00Z" },
        { label: "Plus de 100 salariés", points: 10, at: "2025-06-08T12:00:00Z" },
        { label: "Décroissance (30 jours)", points: -5, at: "2025-06-01T12:00:00Z" },
      ],
    },
    status: "mql",
    sla: { dueAt: "2025-06-10T17:12:00Z", overdue: false },
    timeline: [
      { url: "https://www.example-saas.fr/cas-clients", path: "/cas-clients", title: "Cas clients", at: "2025-06-09T12:00:00Z", engagedMs: 95_000 },
      { url: "https://www.example-saas.fr/tarifs", path: "/tarifs", title: "Tarifs", at: "2025-06-10T09:00:00Z", engagedMs: 184_000 },
    ],
    contacts: [
      {
        name: "Jeanne Martin",
        email: "jeanne.martin@danone.com",
        jobTitle: "Directrice IT",
        phone: "+33 1 44 35 20 20",
        linkedinUrl: "https://www.linkedin.com/in/jeanne-martin/",
      },
    ],
    notes: [{ id: "n1", text: "Rappeler après le comité du 12.", at: "2025-06-10T10:00:00Z", author: "Claire Durand" }],
    rejectionReasons: [
      { code: "no_budget", label: "Pas de budget", requiresNote: false },
      { code: "wrong_contact", label: "Pas le bon interlocuteur", requiresNote: false },
      { code: "out_of_target", label: "Hors cible", requiresNote: false },
      { code: "other", label: "Autre", requiresNote: true },
    ],
    ...overrides,
  };
}
