import type { AsnList } from "./types";

/**
 * French consumer ISPs (fixed and convergent fixed+mobile networks), mainland and overseas. Most visitors of a
 * French website come through these: an address here says which ISP the visitor pays, never who the visitor is.
 * Brands without their own ASN ride on their parent's: Sosh (Orange), RED by SFR, Numericable (SFR),
 * B&You (Bouygues), Free/Alice (Free), Prixtel, NRJ Mobile, La Poste Mobile, Coriolis mobile (MVNOs).
 */
export const FRENCH_ISPS: AsnList = {
  // Orange (ex-France Télécom, Wanadoo)
  3215: "Orange France (ex-France Télécom/Wanadoo)",
  5511: "Orange OpenTransit (Orange's backbone; announces Orange France IPv6 in the data)",
  28708: "Orange S.A.",
  8362: "Nordnet (Orange group, satellite and ADSL ISP)",

  // SFR (Altice) and the networks it absorbed
  15557: "SFR (incl. RED by SFR, ex-Neuf Cegetel)",
  21502: "SFR Numericable (cable)",
  8228: "SFR (ex-Cegetel)",
  12566: "SFR",
  15890: "SFR",
  3305: "SFR",
  34860: "SFR",
  35632: "SFR",
  43763: "SFR",
  47206: "SFR",
  49112: "SFR",
  208157: "SFR",

  // Free (Iliad, ex-Proxad)
  12322: "Free (Iliad, ex-Proxad)",
  210595: "Free",

  // Bouygues Telecom
  5410: "Bouygues Telecom",

  // Regional and alternative consumer ISPs
  42487: "Vialis (Colmar cable/fibre ISP)",
  12727: "Vialis",
  208719: "Vialis",
  24904: "K-Net (regional ISP, Ain)",
  60032: "Coriolis Telecom",
  197492: "Alsatis (rural wireless ISP)",
  48072: "Alsatis",
  30801: "Nomotech (rural wireless ISP)",
  34761: "Nomotech",
  35184: "Nomotech",
  39886: "Nomotech",
  57103: "Nomotech",
  206525: "Aerlink (rural wireless ISP)",
  39271: "Chartres Métropole Innovations Numériques (municipal fibre ISP)",
  207807: "Tarn Fibre (public fibre network)",
  207808: "Gard Fibre (public fibre network)",
  210675: "Loiret Fibre (public fibre network)",

  // Overseas departments and territories
  20776: "Outremer Telecom (SFR Caraïbe / Only)",
  49902: "SRR (SFR Réunion)",
  34306: "SRR (SFR Réunion)",
  37002: "Réunicable (Zeop)",
  21351: "Canal+ Telecom (overseas ISP)",
  327697: "Telco OI (Free Réunion/Mayotte)",
  48252: "Digicel Antilles Françaises Guyane",
  33392: "Dauphin Telecom",
  36511: "Dauphin Telecom Guadeloupe",
  212775: "Guadeloupe Digital",
};
