import type { NetworkKind } from "../kinds";

/**
 * Name heuristics, used only for ASNs missing from the curated lists. They run on the organisation name
 * lower-cased and stripped of accents ("Ministère" → "ministere"), in this order, first match wins:
 *
 *   1. vpn, 2. hosting, 3. mobile, 4. telecom brands and words   — strong signs of an access or server network
 *   5. education, 6. government                                  — specific phrases ("Universidade Federal" is
 *                                                                   education, "Ministry of Education" too: both flagged)
 *   then IT services ("informatique", "infogérance") → hosting
 *   7. weaker network words ("net", "network", "online"…)       — after 5–6 so that "Education Network" stays education
 *   8. positive signs of a company ("bank", "insurance", "pharma"…) → corporate
 *   otherwise "unknown".
 *
 * Why corporate comes last and needs positive evidence: most ASNs are small ISPs, hosts and IT-service firms
 * with unremarkable names ("Iguane Solutions SAS", "Zenlayer Inc"); a name without a telling word is not evidence
 * of a company, and a false "corporate" is the worst error the product can make.
 * Words were chosen against the real data (@ip-location-db/asn): e.g. "anonym" is NOT a VPN sign (Greek and
 * French company forms "Anonymi Etaireia", "société anonyme"), "energy"/"electric" are NOT company signs
 * (utilities and electric cooperatives run ISPs), "region" alone is NOT public ("Region Svyaz Konsalt" LLC),
 * "finance"/"investment" are NOT company signs (an ISP's holding entity: "WideOpenWest Finance LLC").
 */
export interface NamePattern {
  kind: NetworkKind;
  /** Said in the classification reason. */
  label: string;
  pattern: RegExp;
  /** The rule does not apply when this also matches. */
  unless?: RegExp;
}

/** Words that suggest a network operator without proving it ("Rise Networks", "Planet Online"). */
const WEAK_NETWORK_WORDS =
  /(?<!cabi)net\b|\bnet|network|netz|netwerk|reseau|internet|online|on-line|\bcomm?unications?\b|comunicac|comunicaciones|multimedia|connect|\blink\b|\bwan\b|\bweb\b/;

/** Central banks are public institutions, not companies. */
const CENTRAL_BANK = /central bank|banque centrale|banco central|reserve bank|bundesbank|federal reserve/;

export const NAME_PATTERNS: readonly NamePattern[] = [
  // 1. VPN and anonymising proxies
  {
    kind: "vpn",
    label: "VPN or anonymising proxy",
    pattern:
      /vpn|\bprox(y|ies)\b|private relay|\btor (exit|relay|project)|torservers|anonymi[sz](er|ing)|\bhide ?my|nordvpn|surfshark|cyberghost|ipvanish|windscribe|mullvad|private internet access|tunnelbear|hotspot shield|astrill|torguard|packethub|tefincom/,
  },
  // 2. Hosting, cloud, CDN, datacentres, IT outsourcing
  {
    kind: "hosting",
    label: "hosting, cloud or datacentre",
    pattern:
      /hosting|\bhost|host\b|heberg|cloud|data ?cent(er|re)|datacent|\bcolo(cation)?\b|server|serveur|\bvps\b|\bvds\b|dedicated|\bdedie|bare ?metal|\bgpu\b|\bcompute\b|cloud computing|\bcdn\b|content delivery|web services|\bstreaming\b|\bseo\b|\bakamai|cloudflare|fastly|incapsula|imperva|zscaler|netskope|leaseweb|hetzner|\bovh|scaleway|digitalocean|linode|vultr|contabo|equinix|interxion|digital realty|rackspace|godaddy|namecheap|hostinger|\bionos\b|\bgandi\b|outscale|alibaba|tencent|amazon|\bgoogle\b|microsoft|\bazure\b|apple inc|facebook|meta platforms|datacamp|\bm247\b|\bxtom\b/,
  },
  // 3. Mobile and wireless access
  {
    kind: "mobile",
    label: "mobile or wireless network",
    pattern:
      /\bmobile|\bmobil\b|mobilfunk|\bwireless|cellular|celular|\bgsm\b|\blte\b|\b[345]g\b|\bmovil|\bmvno\b|telcel|mobitel|mobily|mobilink|\bt-mobile|docomo/,
  },
  // 4. Telecom operators: words and brands
  {
    kind: "isp",
    label: "telecom operator or internet access provider",
    pattern:
      /telecom|telekom|telecomunica|telecommunica|telekommunikation|\btelco\b|\btelefon|\btelephon|radiotelephone|broadband|\bcable|kabel|glasfaser|glasvezel|\bcatv\b|\bfib(er|re)|fibra|\bftth\b|\bdsl\b|\bisp\b|\bfai\b|internet service|internet access|internet provider|acces internet|\bwisp\b|\bwi-?fi\b|satellit|operat(or|eur)s?\b|radiocommunica|telemati|\btele-|teleport|\btele\b|television|\btv\b|\bctv\b|\bix\b|-ix\b|internet exchange|exchange point|backbone|\btransit\b|\bpeering\b|\bcarrier(?!es?\b)|\borange\b(?! county)|vodafone|telefonica|movistar|telenor|\btelia\b|swisscom|proximus|comcast|verizon|\bat&t\b|charter comm|\bcox comm|rostelecom|chinanet|china (telecom|unicom)|\bkddi\b|softbank|\bntt\b|airtel|\bjio\b|\bclaro\b|\btigo\b|millicom|\bmtn\b|etisalat|ooredoo|\bzain\b|viettel|\bvnpt\b|virgin media|liberty global|talktalk|bouygues telecom|\bsfr\b|\bfree (sas|mobile|pro)\b|\biliad\b|numericable|completel|\bcolt\b|\bsewan\b|\badista\b|\baxione\b|\bkosc\b|\bielo\b|nerim|\bceleste\b|jaguar network|eurofiber|covage|sipartech|\bzayo\b|\bcogent\b|level ?3|\blumen\b|centurylink|hurricane electric|\bgtt\b|arelion|tata communications|\bkpn\b|ziggo|telenet|\bbt\b|british telecom|\bsky (uk|broadband)|\bsunrise\b|fastweb|wind tre|digicel|equant|\bregus\b|\bwework\b|coworking|business cent(er|re)|bredband|breitband|banda (larga|ancha)|\bprovedor|\bprovider\b|singtel|optus|\bhkbn\b|inmarsat|starlink|spacex|viasat|hughes net|eutelsat|\bses\b/,
  },
  // 5. Research and education
  {
    kind: "education",
    label: "research or education",
    pattern:
      /universit|\buniv\b|universidad|universidade|hochschule|\becole\b|\bschools?\b|college|\bcnrs\b|\binria\b|academ|education|educational|enseignement|\blycee|\bstudent|campus|research (network|and education|institute|centre|center)|recherche|polytechn|institute of technology|\bedu\b|rectorat|\bcrous\b|renater|\bnren\b|national laboratory|\bcern\b|school district|\bisd\b|skole\b|schule\b|gymnasium/,
  },
  // Banks and insurers before public bodies: "Centris Federal Credit Union", "Fairfield County Bank"
  {
    kind: "corporate",
    label: "company (bank or insurer)",
    unless: new RegExp(`${CENTRAL_BANK.source}|${WEAK_NETWORK_WORDS.source}`),
    pattern: /credit union|(?<!data|bit)bank\b|\bbanque\b|\bbanco\b|\bbanca\b|insurance|assurance|versicherung/,
  },
  // The same in Spanish, Portuguese, Italian and Polish; not social insurance (public) nor insurance IT firms.
  {
    kind: "corporate",
    label: "company (insurer)",
    unless: new RegExp(`seguro social|spoleczn|fundusz|comision|commission|superintend|authority|tecnolog|informa|${WEAK_NETWORK_WORDS.source}`),
    pattern: /\bseguros?\b|seguradora|aseguradora|reaseguros|ubezpieczen|assicurazion/,
  },
  // 6. Public bodies
  {
    kind: "government",
    label: "public body",
    pattern:
      /ministere|ministry|ministerie|ministerio|ministerium|\bgouv|government|gouvernement|\bgov\b|prefecture|interministeriel|conseil (departemental|regional|general)|\bdepartement (de|du|des|d)\b|\bregion (ile-de-france|hauts-de-france|grand est|normandie|bretagne|pays de la loire|centre-val de loire|bourgogne|nouvelle-aquitaine|occitanie|auvergne|provence|sud|corse)|mairie|\bville de\b|commune de|communaute (de communes|d.agglomeration|urbaine)|agglomeration|collectivite|assemblee nationale|\bsenat\b|parliament|parlement|tribunal|\bjustice\b|douane|customs|gendarmerie|\bpolice\b|\barmee|armed forces|ministry of defen[cs]e|department of defense|\bdod\b|\bnavy\b|\barmy\b|air force|\bstate of\b|state government|\bcounty\b|\bcity of\b|municipal|prefeitura|municipio|ayuntamiento|gemeinde|\bnasa\b|national aeronautics|national oceanic|centre hospitalier|hopitaux|assistance publique|caisse nationale|securite sociale|allocations familiales|assurance maladie|france travail|pole emploi|urssaf|european commission|european parliament|\bnato\b|united nations|public administration|administracion publica|kaupunki|secretary of state|treasury|deputados|diputados|chamber of deputies|pemerintah|kabupaten|\bkota\b|dinas komunikasi|public library|state library|comision nacional|commission nationale|national commission|kommunale? (datenverarbeitung|datenzentrale|informationsdienste)|kommunales rechenzentrum|\bstadt\b|gemeente|\bkommune?\b|comune di|ministerstvo|\bfederal\b|\bauthority\b|central bank|banque centrale|banco central|reserve bank|bundesbank/,
  },
  // IT-services firms mostly host and run their customers' systems; after 5–6 so that "Institut National de
  // Recherche en Informatique" stays research.
  {
    kind: "hosting",
    label: "IT services / managed hosting",
    pattern: /informatique|infogerance|\bit services\b|managed services/,
  },
  // 7. Weaker network words
  { kind: "isp", label: "network or internet provider (name)", pattern: WEAK_NETWORK_WORDS },
  // 8. Positive signs of a company
  {
    kind: "corporate",
    label: "company (sector word in the name)",
    pattern:
      /bancaire|\bcredit\b|caisse d.epargne|assurance|insurance|assicurazion|versicherung|mutuelle|\bmutual\b|reinsurance|pharma|laborator|automobile|automotive|\bmotors?\b|airlines?\b|airways|\bshipping\b|\bcruises?\b|aerospace|aeronauti|chemical|\bchimie\b|petroleum|\boil\b|(?<!services )industri(e|es|al|el)\b|manufactur|\bfoods?\b|beverage|brewer|cosmetic|\bretail|supermarch|hypermarch|grocery|restaurant|\bhotels?\b|\bcasino\b|logistic|railway|ferroviaire|construction|real estate|immobili|\bavocats?\b|law firm|accounting|hospital|ziekenhuis|szpital|krankenhaus|klinikum|\bclinic\b|health ?care|medical cent(er|re)|\bfarms?\b|cinema/,
  },
];
