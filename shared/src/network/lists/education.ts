import type { AsnList } from "./types";

/**
 * Research and education networks (NRENs) and research bodies. Their users are students, researchers and staff
 * of many institutions sharing one ASN: an organisation of its own kind, never a company lead by itself.
 * Universities with their own ASN are caught by name patterns ("universit", "école"…).
 */
export const RESEARCH_EDUCATION: AsnList = {
  // RENATER, the French NREN, and its regional ASNs
  2200: "RENATER",
  775: "RENATER", 776: "RENATER", 781: "RENATER", 789: "RENATER",
  1303: "RENATER", 1307: "RENATER", 1708: "RENATER", 1712: "RENATER", 1715: "RENATER", 1724: "RENATER",
  1935: "RENATER", 1938: "RENATER", 1942: "RENATER", 1945: "RENATER",
  2060: "RENATER", 2072: "RENATER", 2088: "RENATER", 2089: "RENATER", 2094: "RENATER", 2103: "RENATER",
  2187: "RENATER", 2198: "RENATER", 2199: "RENATER", 2202: "RENATER", 2259: "RENATER", 2263: "RENATER",
  2269: "RENATER", 2426: "RENATER", 2439: "RENATER", 2445: "RENATER", 2450: "RENATER", 2457: "RENATER",
  2462: "RENATER", 2470: "RENATER", 2471: "RENATER", 2472: "RENATER", 2480: "RENATER", 3256: "RENATER",
  // French research bodies with their own ASN
  777: "CEA (Commissariat à l'énergie atomique), Saclay",
  // European and worldwide NRENs
  20965: "GÉANT",
  21320: "GÉANT",
  680: "DFN (German NREN)",
  786: "Jisc / Janet (UK NREN)",
  559: "SWITCH (Swiss NREN)",
  1103: "SURF (Dutch NREN)",
  1101: "SURF",
  137: "GARR (Italian NREN)",
  766: "RedIRIS (Spanish NREN, Red.es)",
  2611: "Belnet (Belgian NREN)",
  2602: "RESTENA (Luxembourg NREN)",
  2603: "NORDUnet",
  1653: "SUNET (Swedish NREN)",
  1741: "Funet (CSC, Finnish NREN)",
  224: "Sikt (Norwegian NREN)",
  1853: "ACOnet (Austrian NREN)",
  2852: "CESNET (Czech NREN)",
  2107: "ARNES (Slovenian NREN)",
  1213: "HEAnet (Irish NREN)",
  1930: "FCCN (Portuguese NREN)",
  5408: "GRNET (Greek NREN)",
  378: "IUCC (Israeli NREN)",
  11537: "Internet2",
  11164: "Internet2",
  396955: "Internet2",
  293: "ESnet (US research network)",
  6509: "CANARIE",
  53904: "CANARIE",
  7575: "AARNet",
  2907: "SINET (Japanese NREN)",
  4538: "CERNET (China Education and Research Network)",
  23910: "CERNET2",
  1916: "RNP (Brazilian NREN)",
};
