/**
 * INSEE "catégorie juridique" (nature juridique): a 4-digit code whose first digit (level 1) and first two
 * digits (level 2) are themselves categories. We label the common level-3 codes and fall back to the
 * level-2, then level-1 label, so every valid code gets a French label.
 */

const LEVEL_1: Record<string, string> = {
  "1": "Entrepreneur individuel",
  "2": "Groupement de droit privé non doté de la personnalité morale",
  "3": "Personne morale de droit étranger",
  "4": "Personne morale de droit public soumise au droit commercial",
  "5": "Société commerciale",
  "6": "Autre personne morale immatriculée au RCS",
  "7": "Personne morale et organisme soumis au droit administratif",
  "8": "Organisme privé spécialisé",
  "9": "Groupement de droit privé",
};

const LEVEL_2: Record<string, string> = {
  "10": "Entrepreneur individuel",
  "21": "Indivision",
  "22": "Société créée de fait",
  "23": "Société en participation",
  "24": "Fiducie",
  "27": "Paroisse hors zone concordataire",
  "28": "Assujetti unique à la TVA",
  "29": "Autre groupement de droit privé non doté de la personnalité morale",
  "31": "Personne morale de droit étranger, immatriculée au RCS",
  "32": "Personne morale de droit étranger, non immatriculée au RCS",
  "41": "Établissement public ou régie à caractère industriel ou commercial",
  "51": "Société coopérative commerciale particulière",
  "52": "Société en nom collectif",
  "53": "Société en commandite",
  "54": "Société à responsabilité limitée (SARL)",
  "55": "Société anonyme à conseil d'administration",
  "56": "Société anonyme à directoire",
  "57": "Société par actions simplifiée",
  "58": "Société européenne",
  "61": "Caisse d'épargne et de prévoyance",
  "62": "Groupement d'intérêt économique",
  "63": "Société coopérative agricole",
  "64": "Société d'assurance mutuelle",
  "65": "Société civile",
  "69": "Autre personne morale de droit privé inscrite au RCS",
  "71": "Administration de l'État",
  "72": "Collectivité territoriale",
  "73": "Établissement public administratif",
  "74": "Autre personne morale de droit public administratif",
  "81": "Organisme gérant un régime de protection sociale à adhésion obligatoire",
  "82": "Organisme mutualiste",
  "83": "Comité d'entreprise",
  "84": "Organisme professionnel",
  "85": "Organisme de retraite à adhésion non obligatoire",
  "91": "Syndicat de propriétaires",
  "92": "Association loi 1901 ou assimilé",
  "93": "Fondation",
  "99": "Autre personne morale de droit privé",
};

const LEVEL_3: Record<string, string> = {
  "1000": "Entrepreneur individuel",
  "2110": "Indivision entre personnes physiques",
  "2210": "Société créée de fait entre personnes physiques",
  "2310": "Société en participation entre personnes physiques",
  "3110": "Représentation ou agence commerciale d'état ou organisme public étranger immatriculé au RCS",
  "3120": "Société commerciale étrangère immatriculée au RCS",
  "3220": "Société étrangère non immatriculée au RCS",
  "4110": "Établissement public national à caractère industriel ou commercial doté d'un comptable public",
  "4120": "Établissement public national à caractère industriel ou commercial non doté d'un comptable public",
  "4140": "Établissement public local à caractère industriel ou commercial",
  "5202": "Société en nom collectif",
  "5306": "Société en commandite simple",
  "5308": "Société en commandite par actions",
  "5410": "SARL nationale",
  "5485": "Société d'exercice libéral à responsabilité limitée",
  "5498": "SARL unipersonnelle",
  "5499": "Société à responsabilité limitée (sans autre indication)",
  "5510": "SA nationale à conseil d'administration",
  "5515": "SA d'économie mixte à conseil d'administration",
  "5560": "Société coopérative de production (SCOP) anonyme à conseil d'administration",
  "5585": "Société d'exercice libéral à forme anonyme à conseil d'administration",
  "5599": "SA à conseil d'administration (s.a.i.)",
  "5699": "SA à directoire (s.a.i.)",
  "5710": "SAS, société par actions simplifiée",
  "5720": "Société par actions simplifiée à associé unique ou société par actions simplifiée unipersonnelle",
  "5785": "Société d'exercice libéral par action simplifiée",
  "5800": "Société européenne",
  "6210": "Groupement européen d'intérêt économique (GEIE)",
  "6220": "Groupement d'intérêt économique (GIE)",
  "6316": "Coopérative d'utilisation de matériel agricole en commun (CUMA)",
  "6317": "Société coopérative agricole",
  "6540": "Société civile immobilière",
  "6541": "Société civile immobilière de construction-vente",
  "6585": "Autre société civile professionnelle",
  "6599": "Autre société civile",
  "7111": "Autorité constitutionnelle",
  "7120": "Service central d'un ministère",
  "7150": "Service du ministère de la Défense",
  "7160": "Service déconcentré à compétence nationale d'un ministère (hors Défense)",
  "7171": "Service déconcentré de l'État à compétence (inter) régionale",
  "7172": "Service déconcentré de l'État à compétence (inter) départementale",
  "7210": "Commune et commune nouvelle",
  "7220": "Département",
  "7225": "Collectivité et territoire d'Outre Mer",
  "7229": "(Autre) Collectivité territoriale",
  "7230": "Région",
  "7312": "Commune associée et commune déléguée",
  "7331": "Établissement public local d'enseignement",
  "7343": "Communauté urbaine",
  "7344": "Métropole",
  "7346": "Communauté de communes",
  "7348": "Communauté d'agglomération",
  "7361": "Centre communal d'action sociale",
  "7364": "Établissement d'hospitalisation",
  "7381": "Organisme consulaire",
  "7383": "Établissement public national à caractère scientifique culturel et professionnel",
  "7384": "Autre établissement public national d'enseignement",
  "7389": "Établissement public national à caractère administratif",
  "7410": "Groupement d'intérêt public (GIP)",
  "8110": "Régime général de la Sécurité Sociale",
  "8210": "Mutuelle",
  "8310": "Comité social économique d'entreprise",
  "8410": "Syndicat de salariés",
  "8420": "Syndicat patronal",
  "9110": "Syndicat de copropriété",
  "9210": "Association non déclarée",
  "9220": "Association déclarée",
  "9221": "Association déclarée d'insertion par l'économique",
  "9230": "Association déclarée, reconnue d'utilité publique",
  "9260": "Association de droit local (Bas-Rhin, Haut-Rhin et Moselle)",
  "9300": "Fondation",
  "9900": "Autre personne morale de droit privé",
};

export function legalFormLabel(code: string | null | undefined): string | null {
  if (!code || !/^\d{4}$/.test(code)) return null;
  return LEVEL_3[code] ?? LEVEL_2[code.slice(0, 2)] ?? LEVEL_1[code.slice(0, 1)] ?? null;
}

/** Sole traders: a person, not an organisation with its own network or e-mail domain. */
export function isSoleTrader(code: string | null | undefined): boolean {
  return code === "1000";
}

/** Civil companies (65xx) — mostly property-holding SCIs, the most frequent namesakes of real companies. */
export function isCivilCompany(code: string | null | undefined): boolean {
  return !!code && code.startsWith("65");
}

/** State, local authorities and public administrative bodies (7xxx). */
export function isPublicAdministration(code: string | null | undefined): boolean {
  return !!code && code.startsWith("7");
}

export function isAssociation(code: string | null | undefined): boolean {
  return !!code && code.startsWith("92");
}
