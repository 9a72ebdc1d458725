import type { LeadEvent } from "@sillage/shared/api/delivered-lead";

/**
 * The "send a test" payload: a lead.mql event about a fictitious company, with every field filled so that a
 * customer can build their mapping (Zapier, Make, CRM) from it. `test: true` tells receivers to ignore it.
 * The SIREN/SIRET pass the Luhn check like real ones but belong to no company.
 */
export function sampleLeadEvent(eventId: string, now: number, baseUrl: string | null): LeadEvent {
  const at = (msAgo: number) => new Date(now - msAgo).toISOString();
  const id = "lead_exemple";
  const api = `/api/v1/leads/${id}`;
  return {
    id: eventId,
    type: "lead.mql",
    createdAt: at(0),
    test: true,
    data: {
      lead: {
        id,
        name: "Exemple Industrie SAS",
        status: "mql",
        statusChangedAt: at(0),
        firstSeenAt: at(6 * 86_400_000),
        lastSeenAt: at(60_000),
        lastPage: { url: "https://www.exemple.fr/tarifs", path: "/tarifs", title: "Tarifs", at: at(60_000) },
        firstPage: { url: "https://www.exemple.fr/blog/scoring-b2b", path: "/blog/scoring-b2b", title: "Le lead scoring en B2B", at: at(6 * 86_400_000) },
        company: {
          siren: "123456782",
          headOfficeSiret: "12345678200002",
          headcountCode: "22",
          headcountLabel: "100 à 199 salariés",
          revenue: 24_500_000,
          revenueYear: 2024,
          nafCode: "62.01Z",
          nafLabel: "Programmation informatique",
          category: "PME",
          city: "LYON",
          postalCode: "69002",
          domain: "exemple.fr",
          linkedinUrl: "https://www.linkedin.com/company/exemple-industrie/",
        },
        contact: {
          name: "Camille Martin",
          email: "camille.martin@exemple.fr",
          phone: "+33 4 00 00 00 00",
          jobTitle: "Directrice IT",
          linkedinUrl: "https://www.linkedin.com/in/camille-martin-exemple/",
        },
        score: {
          value: 80,
          threshold: 70,
          modelVersion: 1,
          explanation: [
            { ruleId: "pricing-page", label: "Page Tarifs", points: 20, at: at(60_000), count: 1, text: "+20 Page Tarifs, il y a 1 min" },
            {
              ruleId: "white-paper",
              label: "Livre blanc téléchargé",
              points: 15,
              at: at(2 * 86_400_000),
              count: 1,
              text: "+15 Livre blanc téléchargé, il y a 2 jours",
            },
            {
              ruleId: "it-director",
              label: "Fonction : Directeur IT",
              points: 25,
              at: at(2 * 86_400_000),
              count: 1,
              text: "+25 Fonction : Directeur IT, il y a 2 jours",
            },
            {
              ruleId: "headcount-100",
              label: "Plus de 100 salariés",
              points: 10,
              at: at(6 * 86_400_000),
              count: 1,
              text: "+10 Plus de 100 salariés, il y a 6 jours",
            },
            { ruleId: "return-visit", label: "Visites répétées", points: 10, at: at(86_400_000), count: 3, text: "+10 Visites répétées (×3), hier" },
          ],
        },
        slaDueAt: at(-48 * 3_600_000),
        links: { api, apiUrl: baseUrl ? `${baseUrl}${api}` : null },
      },
    },
  };
}
