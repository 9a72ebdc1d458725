import type { AsnList } from "./types";

/**
 * Public bodies with their own ASN. An organisation of its own kind: it may be worth knowing (flagged as public),
 * but it is not a company with a SIREN of the private sector. Name patterns ("ministère", "préfecture",
 * "conseil départemental", "mairie"…) catch the many others.
 */
export const GOVERNMENT: AsnList = {
  // France
  60855: "DINUM (runs the RIE, the State's inter-ministerial network)",
  50588: "Ministère de l'Europe et des Affaires étrangères",
  48140: "ACOSS / Urssaf Caisse nationale",
  48703: "Caisse nationale de l'Assurance maladie",
  204835: "Caisse nationale des allocations familiales",
  214935: "France Travail",
  211113: "Banque de France",
  49566: "Ville de Paris",
  57284: "Région Hauts-de-France",
  198875: "Assistance Publique – Hôpitaux de Paris",
  // Europe and international
  42165: "European Commission (Joint Research Centre)",
  288: "European Space Agency",
  203665: "UK Ministry of Defence",
  55330: "UK Government Communications Network",
  // United States federal (the DoD alone holds hundreds of ASNs: name patterns catch the rest)
  721: "US Department of Defense (DoD NIC)",
  749: "US Department of Defense",
  27066: "US Department of Defense",
  270: "NASA",
  297: "NASA",
  3477: "NOAA",
  2648: "NOAA",
  4046: "Federal Aviation Administration",
};
