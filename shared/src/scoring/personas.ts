/**
 * Job-title personas: groups of French and English titles that mean the same role, matched accent- and
 * case-insensitively on whole words ("Directrice des Systèmes d'Information" is an IT director; "Directeur
 * commercial" is not a CIO even though it contains the letters).
 */
export interface PersonaDefinition {
  label: string;
  titles: readonly string[];
  /** Words that disqualify a title (an assistant to the CEO is not the CEO). */
  exclude?: readonly string[];
}

/** Words that turn a decision-maker title into someone else's. */
const NOT_THE_DECISION_MAKER = ["assistant", "stagiaire", "alternant", "apprenti", "intern", "etudiant", "student"];

export const DEFAULT_PERSONAS = {
  it_director: {
    label: "Directeur informatique (DSI)",
    titles: [
      "directeur it",
      "directeur informatique",
      "directeur des systemes d information",
      "directeur du systeme d information",
      "directeur si",
      "dsi",
      "cio",
      "chief information officer",
      "it director",
      "director of it",
      "head of it",
      "it manager",
      "responsable informatique",
      "responsable it",
      "responsable des systemes d information",
      "rsi",
      "vp it",
    ],
    exclude: NOT_THE_DECISION_MAKER,
  },
  cto: {
    label: "Directeur technique (CTO)",
    titles: [
      "cto",
      "chief technology officer",
      "chief technical officer",
      "directeur technique",
      "directeur technologique",
      "vp engineering",
      "head of engineering",
      "directeur de l ingenierie",
      "directeur r&d",
      "head of r&d",
    ],
    exclude: NOT_THE_DECISION_MAKER,
  },
  marketing_director: {
    label: "Directeur marketing",
    titles: [
      "directeur marketing",
      "directeur du marketing",
      "directeur marketing et communication",
      "cmo",
      "chief marketing officer",
      "marketing director",
      "head of marketing",
      "vp marketing",
      "vice president marketing",
      "responsable marketing",
      "marketing manager",
      "head of growth",
      "directeur growth",
    ],
    exclude: NOT_THE_DECISION_MAKER,
  },
  sales_director: {
    label: "Directeur commercial",
    titles: [
      "directeur commercial",
      "directeur des ventes",
      "chief sales officer",
      "chief revenue officer",
      "sales director",
      "head of sales",
      "vp sales",
      "vice president sales",
      "vice president commercial",
      "responsable commercial",
      "directeur du developpement commercial",
    ],
    exclude: NOT_THE_DECISION_MAKER,
  },
  ceo: {
    label: "Dirigeant (PDG, DG, gérant)",
    titles: [
      "ceo",
      "chief executive officer",
      "pdg",
      "president directeur general",
      "directeur general",
      "dg",
      "gerant",
      "dirigeant",
      "president",
      "fondateur",
      "cofondateur",
      "co fondateur",
      "founder",
      "co founder",
      "cofounder",
      "managing director",
      "chef d entreprise",
    ],
    exclude: [...NOT_THE_DECISION_MAKER, "adjoint", "deputy", "vice"],
  },
  cfo: {
    label: "Directeur financier (DAF)",
    titles: [
      "daf",
      "cfo",
      "chief financial officer",
      "directeur administratif et financier",
      "directeur financier",
      "directeur des finances",
      "finance director",
      "head of finance",
      "vp finance",
      "responsable financier",
      "responsable administratif et financier",
      "raf",
    ],
    exclude: NOT_THE_DECISION_MAKER,
  },
  hr_director: {
    label: "Directeur des ressources humaines (DRH)",
    titles: [
      "drh",
      "directeur des ressources humaines",
      "directeur rh",
      "chro",
      "chief human resources officer",
      "chief people officer",
      "hr director",
      "head of hr",
      "head of people",
      "responsable rh",
      "responsable des ressources humaines",
    ],
    exclude: NOT_THE_DECISION_MAKER,
  },
  purchasing_director: {
    label: "Directeur des achats",
    titles: ["directeur des achats", "directeur achats", "head of procurement", "procurement director", "responsable achats"],
    exclude: NOT_THE_DECISION_MAKER,
  },
  student: {
    label: "Étudiant, stagiaire, alternant",
    titles: ["etudiant", "student", "stagiaire", "intern", "internship", "alternant", "apprenti", "apprentice"],
  },
} as const satisfies Record<string, PersonaDefinition>;

export type DefaultPersonaId = keyof typeof DEFAULT_PERSONAS;

/** Feminine and inclusive forms brought to one spelling so that synonym lists stay short. */
const TOKEN_ALIASES: Readonly<Record<string, string>> = {
  directrice: "directeur",
  presidente: "president",
  gerante: "gerant",
  dirigeante: "dirigeant",
  fondatrice: "fondateur",
  cofondatrice: "cofondateur",
  administratrice: "administrateur",
  etudiante: "etudiant",
  alternante: "alternant",
  apprentie: "apprenti",
  assistante: "assistant",
  adjointe: "adjoint",
  cheffe: "chef",
  financiere: "financier",
  administrative: "administratif",
  deleguee: "delegue",
  generale: "general",
  commerciale: "commercial",
  informatiques: "informatique",
  // "Directeur·rice", "directeur(trice)" leave a dangling ending once punctuation is gone
  rice: "",
  trice: "",
};

/** Lower-case, no accents, punctuation to spaces, feminine forms folded: "Directrice Systèmes d'Info." → "directeur systemes d info". */
export function normalizeTitle(title: string): string {
  const words = title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " et ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ");
  const out: string[] = [];
  for (const w of words) {
    const alias = TOKEN_ALIASES[w];
    const word = alias === undefined ? w : alias;
    if (word) out.push(word);
  }
  return out.join(" ");
}

export interface CompiledPersona {
  readonly id: string;
  readonly label: string;
  matches(normalizedTitle: string): boolean;
}

export function compilePersona(id: string, def: PersonaDefinition): CompiledPersona {
  const titles = def.titles.map(normalizeTitle).filter((t) => t.length > 0);
  const exclude = (def.exclude ?? []).map(normalizeTitle).filter((t) => t.length > 0);
  // Leads share a few hundred distinct titles: remember the answers (bounded, so a Worker isolate cannot grow it forever).
  const seen = new Map<string, boolean>();
  return {
    id,
    label: def.label,
    matches(normalized) {
      if (!normalized) return false;
      const known = seen.get(normalized);
      if (known !== undefined) return known;
      const padded = ` ${normalized} `;
      const result = !exclude.some((w) => padded.includes(` ${w} `)) && titles.some((t) => padded.includes(` ${t} `));
      if (seen.size >= 2000) seen.clear();
      seen.set(normalized, result);
      return result;
    },
  };
}

/** Persona ids whose synonyms match this title (for display on a contact card). */
export function personasOf(title: string, personas: Readonly<Record<string, PersonaDefinition>> = DEFAULT_PERSONAS): string[] {
  const normalized = normalizeTitle(title);
  return Object.entries(personas)
    .filter(([id, def]) => compilePersona(id, def).matches(normalized))
    .map(([id]) => id);
}
