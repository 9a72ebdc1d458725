/** A LeadDetail as the API returns it (contract shape), for unit tests of the mapping and the background. */
import type { LeadDetail } from "@sillage/shared/api/leads";

export function sampleLeadDetail(overrides: Partial<LeadDetail> = {}): LeadDetail {
  return {
    id: "lead_danone",
    status: "mql",
    statusChangedAt: "2025-06-10T09:00:00.000Z",
    company: {
      name: "DANONE",
      siren: "552032534",
      headOfficeSiret: "55203253400646",
      legalForm: "SA à conseil d'administration",
      nafCode: "70.10Z",
      nafLabel: "Activités des sièges sociaux",
      nafSection: "M",
      headcountCode: "42",
      headcountLabel: "1 000 à 1 999 salariés",
      revenue: 27_376_000_000,
      revenueYear: 2024,
      netIncome: null,
      category: "GE",
      address: "17 boulevard Haussmann 75009 Paris",
      city: "Paris",
      departement: "75",
      region: "Île-de-France",
      vatNumber: "FR27552032534",
      createdOn: "1955-01-01",
      linkedinUrl: "https://www.linkedin.com/company/danone/",
      domain: "danone.com",
      networkKind: "corporate",
    },
    score: {
      value: 74.6,
      threshold: 70,
      modelVersion: 1,
      explanation: [
        { ruleId: "pricing", label: "Visite de la page Tarifs", points: 20, at: "2025-06-10T09:00:00.000Z", count: 2 },
        { ruleId: "size", label: "Plus de 100 salariés", points: 10, at: "2025-06-08T12:00:00.000Z", count: 1 },
      ],
    },
    sla: { dueAt: "2025-06-12T09:00:00.000Z", overdue: false, remainingMs: 48 * 3_600_000 },
    firstSeenAt: "2025-06-08T12:00:00.000Z",
    lastSeenAt: "2025-06-10T09:00:00.000Z",
    timeline: [
      { url: "https://www.exemple.fr/tarifs", path: "/tarifs", title: "Tarifs", type: "pageview", name: null, at: "2025-06-10T09:00:00.000Z", engagedMs: 42_000, visitorId: "v1" },
      { url: "https://www.exemple.fr/livre-blanc", path: "/livre-blanc", title: null, type: "event", name: "download", at: "2025-06-10T09:05:00.000Z", engagedMs: null, visitorId: "v1" },
    ],
    contacts: [{ id: "ct_1", name: "Camille Martin", email: "camille.martin@danone.com", jobTitle: "Directeur IT", phone: null, linkedinUrl: null }],
    notes: [{ id: "note_1", body: "Rappeler mardi", authorName: "Alice", at: "2025-06-10T10:00:00.000Z" }],
    history: [],
    links: [],
    signals: [],
    rejectionReasons: [
      { code: "no_budget", label: "Pas de budget", requiresNote: false },
      { code: "wrong_contact", label: "Pas le bon interlocuteur", requiresNote: false },
      { code: "out_of_target", label: "Hors cible", requiresNote: false },
      { code: "other", label: "Autre", requiresNote: true },
    ],
    ...overrides,
  };
}
