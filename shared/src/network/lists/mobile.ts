import type { AsnList } from "./types";

/**
 * Networks that are mostly mobile (cellular) access. Orange, SFR and Bouygues Telecom carry mobile and fixed
 * customers on the same ASN: they are listed as ISPs. Mobile visitors sit behind carrier-grade NAT, so one
 * address is shared by thousands of people.
 */
export const MOBILE_OPERATORS: AsnList = {
  // France
  51207: "Free Mobile",
  198335: "Transatel (MVNO / IoT)",
  138199: "Transatel",
  207589: "Syma Mobile (MVNO)",
  208363: "Cellhire France",
  // Europe
  6805: "Telefónica Germany (O2)",
  25135: "Vodafone UK (mobile)",
  35228: "Virgin Media O2 (Telefónica UK)",
  206067: "Three UK",
  15796: "Salt Mobile",
  1267: "Wind Tre",
  30722: "Vodafone Italia",
  12353: "Vodafone Portugal",
  16299: "Xfera Móviles (Yoigo)",
  57269: "Digi Spain",
  50266: "Odido (T-Mobile Netherlands)",
  25255: "Drei Austria",
  20978: "TT Mobil (Turkcell/Türk Telekom mobile)",
  8359: "MTS",
  3216: "Beeline (Vimpelcom)",
  // North America
  21928: "T-Mobile USA",
  6167: "Verizon Wireless",
  22394: "Verizon Wireless",
  20057: "AT&T Mobility",
  // Elsewhere
  9808: "China Mobile",
  56040: "China Mobile",
  55836: "Reliance Jio",
  45609: "Bharti Airtel (mobile)",
  24560: "Bharti Airtel",
  9498: "Bharti Airtel",
  38266: "Vodafone Idea",
  23693: "Telkomsel",
  24203: "XL Axiata",
  4761: "Indosat",
  28403: "Telcel (Radiomóvil Dipsa)",
  27831: "Colombia Móvil (Tigo)",
  26615: "TIM Brasil",
  29975: "Vodacom",
  35819: "Mobily (Etihad Etisalat)",
  15802: "du (Emirates Integrated Telecommunications)",
  24835: "Vodafone Egypt",
  36884: "inwi (Wana Corporate)",
  197207: "MCI (Hamrah-e Avval)",
  44244: "Irancell",
};
