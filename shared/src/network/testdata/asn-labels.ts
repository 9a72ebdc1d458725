import type { NetworkKind } from "../kinds";

/**
 * Expected kinds for real ASNs of @ip-location-db/asn, to measure classifyNetwork. The organisation name is NOT
 * written here: tests and the benchmark read it from the CSV, so the check runs on the real data.
 * `alt`: other kinds a careful human would also accept.
 */
export interface LabelledAsn {
  asn: number;
  kind: NetworkKind;
  alt?: readonly NetworkKind[];
}

/** Real addresses and what they must classify as (brief examples: Orange 90.x, Free 82.x/88.x…). */
export const LABELLED_IPS: readonly { ip: string; asn: number; kind: NetworkKind }[] = [
  { ip: "90.12.34.56", asn: 3215, kind: "isp" }, // Orange
  { ip: "82.65.1.1", asn: 12322, kind: "isp" }, // Free
  { ip: "88.170.0.1", asn: 12322, kind: "isp" }, // Free
  { ip: "2a01:e0a:1:2::3", asn: 12322, kind: "isp" }, // Free, IPv6
  { ip: "37.65.1.2", asn: 15557, kind: "isp" }, // SFR
  { ip: "5.49.10.10", asn: 5410, kind: "isp" }, // Bouygues Telecom
  { ip: "2a01:cb00:1234::1", asn: 5511, kind: "isp" }, // Orange France IPv6 (announced by OpenTransit)
  { ip: "37.1.233.1", asn: 51207, kind: "mobile" }, // Free Mobile
  { ip: "1.44.96.10", asn: 16509, kind: "hosting" }, // AWS
  { ip: "2.26.132.7", asn: 16276, kind: "hosting" }, // OVH
  { ip: "51.15.20.30", asn: 12876, kind: "hosting" }, // Scaleway
  { ip: "2.56.16.1", asn: 9009, kind: "vpn" }, // M247
  { ip: "2.56.252.9", asn: 136787, kind: "vpn" }, // NordVPN (PacketHub)
  { ip: "81.194.1.1", asn: 2200, kind: "education" }, // RENATER
  { ip: "143.126.1.1", asn: 60855, kind: "government" }, // DINUM (RIE)
  { ip: "140.94.1.1", asn: 206720, kind: "corporate" }, // Airbus
  { ip: "141.227.1.1", asn: 21070, kind: "corporate" }, // TotalEnergies
  { ip: "162.246.246.10", asn: 3295, kind: "corporate" }, // Société Générale
  { ip: "79.170.57.1", asn: 25215, kind: "corporate" }, // BNP Paribas
  { ip: "138.21.1.1", asn: 8528, kind: "corporate" }, // Renault
  { ip: "91.199.233.10", asn: 203885, kind: "corporate" }, // SNCF
  { ip: "178.213.65.1", asn: 35676, kind: "corporate" }, // La Poste
  { ip: "134.227.1.1", asn: 9159, kind: "corporate" }, // Crédit Agricole
];

/** ASNs named in the product brief or typical of French traffic, by category. */
export const KNOWN_EXAMPLES: readonly LabelledAsn[] = [
  // French consumer ISPs and their satellites
  { asn: 3215, kind: "isp" },
  { asn: 15557, kind: "isp" },
  { asn: 12322, kind: "isp" },
  { asn: 5410, kind: "isp" },
  { asn: 21502, kind: "isp" },
  { asn: 8362, kind: "isp" },
  { asn: 20776, kind: "isp" },
  { asn: 49902, kind: "isp" },
  { asn: 37002, kind: "isp" },
  { asn: 42487, kind: "isp" },
  // B2B operators
  { asn: 12807, kind: "isp" },
  { asn: 12670, kind: "isp" },
  { asn: 12844, kind: "isp" },
  { asn: 30781, kind: "isp" },
  { asn: 8220, kind: "isp" },
  { asn: 8399, kind: "isp" },
  { asn: 16347, kind: "isp" },
  { asn: 31167, kind: "isp" },
  { asn: 29075, kind: "isp" },
  { asn: 13193, kind: "isp" },
  { asn: 34177, kind: "isp" },
  { asn: 25540, kind: "isp" },
  { asn: 174, kind: "isp" },
  { asn: 3356, kind: "isp" },
  { asn: 16077, kind: "isp" },
  // Mobile
  { asn: 51207, kind: "mobile" },
  { asn: 198335, kind: "mobile" },
  { asn: 21928, kind: "mobile" },
  { asn: 6805, kind: "mobile" },
  { asn: 9808, kind: "mobile" },
  // Foreign ISPs
  { asn: 3320, kind: "isp" },
  { asn: 3209, kind: "isp" },
  { asn: 2856, kind: "isp" },
  { asn: 3352, kind: "isp" },
  { asn: 5432, kind: "isp" },
  { asn: 3303, kind: "isp" },
  { asn: 7922, kind: "isp" },
  { asn: 701, kind: "isp" },
  { asn: 7018, kind: "isp" },
  { asn: 20115, kind: "isp" },
  { asn: 14593, kind: "isp" },
  // Hosting, cloud, CDN, security proxies
  { asn: 16509, kind: "hosting" },
  { asn: 15169, kind: "hosting" },
  { asn: 396982, kind: "hosting" },
  { asn: 8075, kind: "hosting" },
  { asn: 13335, kind: "hosting" },
  { asn: 16276, kind: "hosting" },
  { asn: 12876, kind: "hosting" },
  { asn: 24940, kind: "hosting" },
  { asn: 14061, kind: "hosting" },
  { asn: 63949, kind: "hosting" },
  { asn: 31898, kind: "hosting" },
  { asn: 45102, kind: "hosting" },
  { asn: 8560, kind: "hosting" },
  { asn: 29169, kind: "hosting" },
  { asn: 50624, kind: "hosting" },
  { asn: 51167, kind: "hosting" },
  { asn: 60781, kind: "hosting" },
  { asn: 54113, kind: "hosting" },
  { asn: 22616, kind: "hosting" },
  { asn: 20940, kind: "hosting" },
  // VPN exits
  { asn: 9009, kind: "vpn" },
  { asn: 212238, kind: "vpn" },
  { asn: 60068, kind: "vpn" },
  { asn: 62371, kind: "vpn" },
  { asn: 136787, kind: "vpn" },
  { asn: 39351, kind: "vpn" },
  { asn: 36183, kind: "vpn" },
  // Research and education
  { asn: 2200, kind: "education" },
  { asn: 2470, kind: "education" },
  { asn: 20965, kind: "education" },
  { asn: 777, kind: "education" },
  { asn: 139263, kind: "education" },
  { asn: 203130, kind: "education" },
  { asn: 56339, kind: "education" },
  // Government
  { asn: 60855, kind: "government" },
  { asn: 50588, kind: "government" },
  { asn: 49566, kind: "government" },
  { asn: 48703, kind: "government" },
  { asn: 198575, kind: "government" },
  { asn: 34000, kind: "government" },
  { asn: 203360, kind: "government" },
  { asn: 201659, kind: "government" },
  { asn: 204835, kind: "government" },
  // Companies
  { asn: 206720, kind: "corporate" },
  { asn: 50758, kind: "corporate" },
  { asn: 21070, kind: "corporate" },
  { asn: 3295, kind: "corporate" },
  { asn: 25215, kind: "corporate" },
  { asn: 8528, kind: "corporate" },
  { asn: 26960, kind: "corporate" },
  { asn: 29104, kind: "corporate" },
  { asn: 21272, kind: "corporate" },
  { asn: 13798, kind: "corporate" },
  { asn: 10991, kind: "corporate" },
  { asn: 21000, kind: "corporate" },
  { asn: 203885, kind: "corporate" },
  { asn: 209502, kind: "corporate" },
  { asn: 35676, kind: "corporate" },
  { asn: 9159, kind: "corporate" },
  { asn: 43460, kind: "corporate" },
];
/**
 * Held-out samples, drawn at random (seeded) from every ASN of the data and from ASNs with a French company form
 * (SAS, SARL…), labelled by hand from the name and public knowledge, before measuring. Names too vague to label
 * were left out (about a third). These measure the name heuristics on ASNs nobody curated.
 */
export const RANDOM_SAMPLE: readonly LabelledAsn[] = [
  { asn: 54664, kind: "corporate" },
  { asn: 17807, kind: "government" },
  { asn: 55311, kind: "corporate" },
  { asn: 268640, kind: "isp" },
  { asn: 400924, kind: "corporate" },
  { asn: 47764, kind: "hosting" },
  { asn: 209759, kind: "isp" },
  { asn: 17857, kind: "isp" },
  { asn: 9666, kind: "corporate" },
  { asn: 32246, kind: "corporate" },
  { asn: 54036, kind: "corporate" },
  { asn: 35401, kind: "isp" },
  { asn: 397455, kind: "isp" },
  { asn: 154402, kind: "hosting" },
  { asn: 33549, kind: "hosting" },
  { asn: 3554, kind: "corporate" },
  { asn: 266171, kind: "isp" },
  { asn: 57018, kind: "isp" },
  { asn: 3218, kind: "education" },
  { asn: 396083, kind: "corporate" },
  { asn: 134698, kind: "corporate" },
  { asn: 40290, kind: "isp" },
  { asn: 36167, kind: "hosting" },
  { asn: 141870, kind: "isp" },
  { asn: 136843, kind: "government" },
  { asn: 25814, kind: "isp" },
  { asn: 41299, kind: "corporate" },
  { asn: 206, kind: "hosting" },
  { asn: 198295, kind: "isp" },
  { asn: 273757, kind: "isp" },
  { asn: 45855, kind: "isp" },
  { asn: 29626, kind: "government" },
  { asn: 8217, kind: "corporate" },
  { asn: 12442, kind: "corporate" },
  { asn: 329523, kind: "isp" },
  { asn: 213081, kind: "hosting" },
  { asn: 399555, kind: "corporate" },
  { asn: 201376, kind: "isp" },
  { asn: 14601, kind: "corporate" },
  { asn: 270206, kind: "government" },
  { asn: 203088, kind: "isp" },
  { asn: 52226, kind: "corporate" },
  { asn: 270374, kind: "isp" },
  { asn: 272612, kind: "isp" },
  { asn: 152074, kind: "government" },
  { asn: 204647, kind: "isp" },
  { asn: 15324, kind: "hosting" },
  { asn: 28089, kind: "government" },
  { asn: 214688, kind: "corporate" },
  { asn: 205427, kind: "corporate" },
  { asn: 133787, kind: "corporate" },
  { asn: 197942, kind: "government" },
  { asn: 207806, kind: "isp" },
  { asn: 36589, kind: "corporate" },
  { asn: 16482, kind: "hosting" },
  { asn: 1508, kind: "government" },
  { asn: 41347, kind: "education" },
  { asn: 134888, kind: "government" },
  { asn: 55632, kind: "education" },
  { asn: 150372, kind: "isp" },
  { asn: 264835, kind: "education" },
  { asn: 203763, kind: "corporate" },
  { asn: 37644, kind: "government" },
  { asn: 134811, kind: "government" },
  { asn: 59814, kind: "isp" },
  { asn: 208188, kind: "isp" },
  { asn: 271500, kind: "isp" },
  { asn: 13484, kind: "corporate" },
  { asn: 48602, kind: "isp" },
  { asn: 41484, kind: "isp" },
  { asn: 20355, kind: "hosting" },
  { asn: 200309, kind: "education" },
  { asn: 133071, kind: "mobile" },
  { asn: 206216, kind: "hosting" },
  { asn: 40143, kind: "education" },
  { asn: 27614, kind: "corporate" },
  { asn: 45607, kind: "isp" },
  { asn: 28721, kind: "hosting" },
  { asn: 31029, kind: "isp" },
  { asn: 45102, kind: "hosting" },
  { asn: 24743, kind: "isp" },
  { asn: 329611, kind: "hosting" },
  { asn: 197973, kind: "government" },
  { asn: 31116, kind: "hosting" },
  { asn: 263805, kind: "isp" },
  { asn: 9672, kind: "isp" },
  { asn: 203287, kind: "isp" },
  { asn: 210530, kind: "isp" },
  { asn: 266453, kind: "isp" },
  { asn: 137427, kind: "hosting" },
  { asn: 211335, kind: "isp" },
  { asn: 45583, kind: "corporate" },
  { asn: 19739, kind: "government" },
  { asn: 53848, kind: "isp" },
  { asn: 208964, kind: "government" },
  { asn: 61884, kind: "isp" },
  { asn: 61522, kind: "isp" },
  { asn: 57755, kind: "isp" },
  { asn: 263114, kind: "isp" },
  { asn: 132682, kind: "corporate" },
  { asn: 21982, kind: "corporate" },
  { asn: 63414, kind: "isp" },
  { asn: 140396, kind: "isp" },
  { asn: 263095, kind: "corporate" },
  { asn: 201688, kind: "government" },
  { asn: 23805, kind: "isp" },
  { asn: 399878, kind: "isp" },
  { asn: 59867, kind: "isp" },
  { asn: 49371, kind: "isp" },
  { asn: 41619, kind: "corporate" },
  { asn: 137221, kind: "corporate" },
  { asn: 267624, kind: "isp" },
  { asn: 11184, kind: "corporate" },
  { asn: 11730, kind: "corporate" },
  { asn: 49318, kind: "hosting" },
  { asn: 211499, kind: "hosting" },
  { asn: 271737, kind: "isp" },
  { asn: 211334, kind: "hosting" },
  { asn: 54323, kind: "corporate" },
  { asn: 39711, kind: "corporate" },
  { asn: 139904, kind: "hosting" },
  { asn: 39682, kind: "corporate" },
  { asn: 40760, kind: "isp" },
  { asn: 154344, kind: "isp" },
  { asn: 215538, kind: "corporate" },
  { asn: 398064, kind: "isp" },
  { asn: 274226, kind: "isp" },
  { asn: 401801, kind: "government" },
  { asn: 30696, kind: "government", alt: ["education"] },
  { asn: 396238, kind: "isp" },
  { asn: 267405, kind: "isp" },
  { asn: 149247, kind: "isp" },
  { asn: 398188, kind: "government" },
  { asn: 200251, kind: "corporate" },
  { asn: 58153, kind: "isp" },
  { asn: 398375, kind: "hosting" },
  { asn: 208601, kind: "corporate" },
  { asn: 29753, kind: "education" },
  { asn: 398788, kind: "hosting" },
  { asn: 208657, kind: "education" },
  { asn: 12337, kind: "hosting" },
  { asn: 33844, kind: "corporate" },
  { asn: 139481, kind: "isp" },
  { asn: 201850, kind: "corporate" },
  { asn: 39503, kind: "education" },
  { asn: 46353, kind: "isp" },
  { asn: 10897, kind: "government" },
  { asn: 23452, kind: "education" },
  { asn: 398159, kind: "isp" },
  { asn: 152571, kind: "isp", alt: ["hosting"] },
  { asn: 22990, kind: "education" },
  { asn: 40327, kind: "corporate" },
  { asn: 7124, kind: "isp" },
  { asn: 397893, kind: "isp" },
  { asn: 15980, kind: "education" },
  { asn: 160, kind: "education" },
  { asn: 17444, kind: "isp" },
  { asn: 27904, kind: "corporate" },
  { asn: 266636, kind: "isp" },
  { asn: 397858, kind: "corporate" },
  { asn: 206202, kind: "isp", alt: ["hosting"] },
  { asn: 28038, kind: "isp" },
];

export const RANDOM_FRENCH_SAMPLE: readonly LabelledAsn[] = [
  { asn: 206709, kind: "corporate" },
  { asn: 203127, kind: "isp" },
  { asn: 43347, kind: "isp", alt: ["hosting"] },
  { asn: 209555, kind: "hosting" },
  { asn: 31688, kind: "hosting" },
  { asn: 31216, kind: "isp", alt: ["hosting"] },
  { asn: 273928, kind: "hosting" },
  { asn: 34534, kind: "isp" },
  { asn: 202381, kind: "hosting", alt: ["isp"] },
  { asn: 266883, kind: "isp" },
  { asn: 206660, kind: "hosting" },
  { asn: 214004, kind: "corporate" },
  { asn: 210834, kind: "isp" },
  { asn: 210806, kind: "isp" },
  { asn: 197744, kind: "corporate" },
  { asn: 209475, kind: "corporate" },
  { asn: 267790, kind: "isp" },
  { asn: 329500, kind: "isp" },
  { asn: 202663, kind: "isp" },
  { asn: 41652, kind: "hosting" },
  { asn: 274316, kind: "isp" },
  { asn: 50123, kind: "corporate" },
  { asn: 270099, kind: "isp" },
  { asn: 43763, kind: "isp" },
  { asn: 200607, kind: "isp" },
  { asn: 270088, kind: "isp" },
  { asn: 57852, kind: "hosting" },
  { asn: 273238, kind: "isp" },
  { asn: 206310, kind: "hosting" },
  { asn: 327697, kind: "isp" },
  { asn: 212198, kind: "corporate" },
  { asn: 213929, kind: "isp" },
  { asn: 273221, kind: "isp" },
  { asn: 35012, kind: "hosting" },
  { asn: 208363, kind: "mobile" },
  { asn: 207181, kind: "isp" },
  { asn: 41410, kind: "isp" },
  { asn: 203926, kind: "corporate" },
  { asn: 43794, kind: "corporate" },
  { asn: 328003, kind: "isp" },
  { asn: 200653, kind: "hosting" },
  { asn: 48813, kind: "hosting" },
  { asn: 209146, kind: "hosting" },
  { asn: 50314, kind: "hosting", alt: ["isp"] },
  { asn: 52013, kind: "isp" },
  { asn: 274193, kind: "hosting" },
  { asn: 20672, kind: "hosting" },
  { asn: 273889, kind: "isp", alt: ["mobile"] },
  { asn: 12696, kind: "corporate" },
  { asn: 204902, kind: "hosting" },
  { asn: 199727, kind: "hosting" },
  { asn: 207589, kind: "mobile" },
  { asn: 60686, kind: "corporate" },
  { asn: 34783, kind: "isp" },
  { asn: 204662, kind: "corporate" },
  { asn: 41157, kind: "hosting" },
  { asn: 61205, kind: "corporate" },
  { asn: 8723, kind: "hosting" },
  { asn: 208746, kind: "hosting", alt: ["corporate"] },
  { asn: 269746, kind: "isp" },
  { asn: 206720, kind: "corporate" },
  { asn: 60362, kind: "hosting" },
  { asn: 209510, kind: "hosting" },
  { asn: 56339, kind: "education" },
];

/**
 * Validation samples: drawn later (another seed, excluding the held-out ASNs above) and labelled by hand BEFORE
 * classifying them, after the name patterns had been adjusted on the held-out samples. The honest figure.
 */
export const VALIDATION_SAMPLE: readonly LabelledAsn[] = [
  { asn: 399970, kind: "isp", alt: ["hosting"] },
  { asn: 45696, kind: "government" },
  { asn: 26109, kind: "corporate" },
  { asn: 36929, kind: "government" },
  { asn: 205822, kind: "isp" },
  { asn: 59109, kind: "hosting" },
  { asn: 273658, kind: "isp" },
  { asn: 152816, kind: "isp" },
  { asn: 138270, kind: "corporate" },
  { asn: 37319, kind: "corporate" },
  { asn: 265377, kind: "isp" },
  { asn: 139276, kind: "isp" },
  { asn: 55524, kind: "education" },
  { asn: 29600, kind: "corporate" },
  { asn: 37611, kind: "isp", alt: ["hosting"] },
  { asn: 64201, kind: "isp" },
  { asn: 7604, kind: "hosting" },
  { asn: 44127, kind: "corporate" },
  { asn: 266583, kind: "isp" },
  { asn: 57708, kind: "corporate" },
  { asn: 206726, kind: "corporate" },
  { asn: 20334, kind: "isp" },
  { asn: 203983, kind: "corporate" },
  { asn: 18068, kind: "isp" },
  { asn: 29744, kind: "isp" },
  { asn: 39424, kind: "hosting" },
  { asn: 141960, kind: "isp" },
  { asn: 14118, kind: "corporate" },
  { asn: 328663, kind: "education" },
  { asn: 38547, kind: "isp", alt: ["mobile"] },
  { asn: 204222, kind: "government" },
  { asn: 396897, kind: "corporate" },
  { asn: 197844, kind: "isp" },
  { asn: 401002, kind: "corporate" },
  { asn: 154374, kind: "isp" },
  { asn: 140082, kind: "isp" },
  { asn: 19730, kind: "hosting", alt: ["isp"] },
  { asn: 27695, kind: "isp" },
  { asn: 329166, kind: "hosting" },
  { asn: 57619, kind: "hosting" },
  { asn: 53262, kind: "corporate" },
  { asn: 135730, kind: "education" },
  { asn: 63961, kind: "education" },
  { asn: 214002, kind: "hosting" },
  { asn: 54656, kind: "corporate" },
  { asn: 131162, kind: "isp" },
  { asn: 20663, kind: "mobile" },
  { asn: 6674, kind: "corporate" },
  { asn: 35972, kind: "isp" },
  { asn: 62552, kind: "education" },
  { asn: 21323, kind: "corporate" },
  { asn: 55079, kind: "isp" },
  { asn: 394235, kind: "hosting" },
  { asn: 59254, kind: "isp" },
  { asn: 203360, kind: "government" },
  { asn: 154690, kind: "isp" },
  { asn: 270637, kind: "isp" },
  { asn: 395430, kind: "government" },
  { asn: 32625, kind: "hosting" },
  { asn: 199098, kind: "hosting" },
  { asn: 206142, kind: "isp" },
  { asn: 152747, kind: "isp" },
  { asn: 272491, kind: "isp" },
  { asn: 21835, kind: "corporate" },
  { asn: 263099, kind: "isp", alt: ["mobile"] },
  { asn: 267823, kind: "isp" },
  { asn: 384, kind: "government" },
  { asn: 32662, kind: "corporate" },
  { asn: 264506, kind: "corporate" },
  { asn: 41776, kind: "isp" },
  { asn: 53150, kind: "corporate" },
  { asn: 44405, kind: "isp" },
  { asn: 24606, kind: "hosting", alt: ["corporate"] },
  { asn: 262605, kind: "isp" },
  { asn: 24684, kind: "isp" },
  { asn: 396114, kind: "corporate", alt: ["government"] },
  { asn: 19663, kind: "corporate" },
  { asn: 394603, kind: "corporate" },
  { asn: 206656, kind: "hosting" },
  { asn: 399553, kind: "corporate" },
  { asn: 56704, kind: "isp" },
  { asn: 22437, kind: "hosting" },
  { asn: 35690, kind: "corporate" },
  { asn: 54412, kind: "isp" },
  { asn: 216153, kind: "isp" },
  { asn: 149859, kind: "isp" },
  { asn: 136420, kind: "isp" },
  { asn: 265325, kind: "corporate" },
  { asn: 211000, kind: "corporate" },
  { asn: 33765, kind: "isp" },
  { asn: 263580, kind: "isp" },
  { asn: 197873, kind: "corporate" },
  { asn: 328333, kind: "isp", alt: ["mobile"] },
  { asn: 131773, kind: "isp" },
  { asn: 7640, kind: "corporate" },
  { asn: 153930, kind: "mobile" },
  { asn: 2508, kind: "education" },
  { asn: 394218, kind: "corporate" },
  { asn: 52769, kind: "isp" },
  { asn: 33885, kind: "isp", alt: ["mobile"] },
  { asn: 396017, kind: "isp" },
  { asn: 213588, kind: "isp" },
  { asn: 2541, kind: "isp" },
  { asn: 3204, kind: "hosting" },
  { asn: 273798, kind: "isp" },
  { asn: 201252, kind: "government" },
  { asn: 29881, kind: "isp" },
  { asn: 274357, kind: "isp" },
  { asn: 59111, kind: "education" },
  { asn: 60725, kind: "isp" },
  { asn: 22029, kind: "corporate" },
  { asn: 16910, kind: "corporate" },
  { asn: 26995, kind: "isp" },
  { asn: 20182, kind: "corporate" },
  { asn: 138042, kind: "isp" },
  { asn: 138598, kind: "isp" },
  { asn: 36600, kind: "corporate" },
  { asn: 10364, kind: "education" },
  { asn: 142481, kind: "isp" },
  { asn: 329679, kind: "government" },
  { asn: 63991, kind: "isp" },
  { asn: 267945, kind: "isp" },
  { asn: 204146, kind: "corporate", alt: ["government"] },
  { asn: 51289, kind: "hosting" },
  { asn: 134767, kind: "isp" },
  { asn: 200756, kind: "corporate", alt: ["hosting"] },
  { asn: 50799, kind: "hosting", alt: ["corporate"] },
  { asn: 20221, kind: "corporate" },
  { asn: 57422, kind: "isp" },
  { asn: 6594, kind: "isp", alt: ["mobile"] },
  { asn: 39084, kind: "isp" },
  { asn: 44364, kind: "isp" },
  { asn: 55381, kind: "isp" },
  { asn: 54385, kind: "government" },
  { asn: 202637, kind: "hosting" },
  { asn: 273422, kind: "isp" },
  { asn: 4678, kind: "corporate", alt: ["hosting"] },
  { asn: 146758, kind: "corporate" },
];

export const VALIDATION_FRENCH_SAMPLE: readonly LabelledAsn[] = [
  { asn: 201939, kind: "hosting" },
  { asn: 209097, kind: "isp", alt: ["hosting"] },
  { asn: 212636, kind: "isp" },
  { asn: 51335, kind: "isp" },
  { asn: 39771, kind: "corporate" },
  { asn: 34306, kind: "isp", alt: ["mobile"] },
  { asn: 267845, kind: "isp" },
  { asn: 204517, kind: "corporate" },
  { asn: 43858, kind: "hosting" },
  { asn: 197133, kind: "isp" },
  { asn: 327831, kind: "hosting" },
  { asn: 16080, kind: "corporate" },
  { asn: 264796, kind: "isp" },
  { asn: 274908, kind: "isp" },
  { asn: 205440, kind: "isp", alt: ["hosting"] },
  { asn: 51366, kind: "corporate" },
  { asn: 48206, kind: "isp" },
  { asn: 39444, kind: "hosting", alt: ["isp"] },
  { asn: 205181, kind: "isp" },
  { asn: 201605, kind: "corporate" },
  { asn: 329010, kind: "isp" },
  { asn: 209255, kind: "isp" },
  { asn: 44000, kind: "isp" },
  { asn: 57119, kind: "isp", alt: ["hosting"] },
  { asn: 200484, kind: "hosting" },
  { asn: 209852, kind: "corporate" },
  { asn: 197883, kind: "isp" },
  { asn: 272847, kind: "isp" },
  { asn: 205933, kind: "isp" },
  { asn: 271851, kind: "isp" },
  { asn: 207840, kind: "mobile", alt: ["isp"] },
  { asn: 39286, kind: "hosting" },
  { asn: 62202, kind: "corporate" },
  { asn: 42687, kind: "isp" },
  { asn: 213868, kind: "hosting" },
  { asn: 198034, kind: "isp" },
  { asn: 208156, kind: "corporate" },
  { asn: 42845, kind: "isp" },
  { asn: 274110, kind: "isp" },
  { asn: 199422, kind: "isp" },
  { asn: 31561, kind: "isp" },
  { asn: 39104, kind: "hosting" },
  { asn: 274927, kind: "isp" },
  { asn: 59721, kind: "hosting" },
  { asn: 274247, kind: "isp" },
  { asn: 205149, kind: "corporate", alt: ["hosting"] },
  { asn: 207225, kind: "isp" },
  { asn: 207147, kind: "isp" },
  { asn: 56892, kind: "corporate" },
  { asn: 202604, kind: "hosting" },
];

/**
 * Blind set of 2026-12 (issue #10): 70 ASNs drawn at random (seeded) among the 3,260 names ending with a French-style
 * legal form (SA, SAS, SARL, SE…) not labelled before; labelled from the name and public knowledge before any
 * classification was run. 18 names too vague to label ("STJ SAS", "AEM SA"…) were left out. Nothing was tuned on it.
 */
export const BLIND_FRENCH_FORMS_2026: readonly LabelledAsn[] = [
  { asn: 197959, kind: "hosting" }, // Virtua Systems
  { asn: 12824, kind: "hosting" }, // home.pl
  { asn: 24892, kind: "isp" }, // Libalink
  { asn: 265735, kind: "isp" }, // Max.TV Cable Service
  { asn: 52392, kind: "isp" }, // Grupo Telco de Centroamerica
  { asn: 205817, kind: "corporate" }, // Vantiva (ex-Technicolor)
  { asn: 269853, kind: "isp" }, // CBVISION
  { asn: 329634, kind: "corporate" }, // Plantations et Huileries du Congo
  { asn: 202648, kind: "corporate" }, // CLS - Ski Company
  { asn: 213218, kind: "corporate" }, // Minoan Lines Shipping
  { asn: 21093, kind: "isp", alt: ["mobile"] }, // Bouygues Telecom
  { asn: 212794, kind: "corporate", alt: ["hosting"] }, // SAP SE
  { asn: 269814, kind: "isp" }, // Prolux Comser
  { asn: 273821, kind: "isp" }, // Total Band Comunicaciones
  { asn: 267842, kind: "isp" }, // Redcon Redes y Conexiones
  { asn: 212579, kind: "isp" }, // Koesio Aura Telecom
  { asn: 61498, kind: "hosting" }, // O4IT Colombia
  { asn: 34235, kind: "hosting" }, // Itinsell Cloud
  { asn: 272071, kind: "corporate" }, // Cenit Transporte y Logistica de Hidrocarburos
  { asn: 19315, kind: "corporate" }, // Banelco
  { asn: 61451, kind: "isp" }, // Wavenet
  { asn: 16874, kind: "hosting" }, // Sonda (IT services)
  { asn: 203532, kind: "hosting" }, // Thales Cloud Sécurisé
  { asn: 209163, kind: "corporate" }, // Auchan Retail International
  { asn: 206838, kind: "corporate" }, // Link4 (insurer)
  { asn: 50628, kind: "isp" }, // Leonix Telecom
  { asn: 206201, kind: "hosting" }, // Devantis (IT services)
  { asn: 269916, kind: "isp" }, // East Net
  { asn: 29283, kind: "isp" }, // Hub One (B2B operator)
  { asn: 201085, kind: "hosting" }, // Antemeta
  { asn: 56455, kind: "corporate" }, // Technipnet (Technip)
  { asn: 274026, kind: "isp" }, // Maplenet Comunicaciones
  { asn: 51496, kind: "corporate" }, // Adtran Networks (equipment vendor)
  { asn: 206308, kind: "hosting" }, // Asten Cloud
  { asn: 12541, kind: "isp" }, // Lyntia Networks
  { asn: 273849, kind: "isp" }, // Simple Comunicaciones
  { asn: 52390, kind: "isp" }, // Administradora de Redes
  { asn: 15443, kind: "corporate" }, // Gremi Media
  { asn: 42970, kind: "hosting" }, // Mezcalito
  { asn: 328867, kind: "isp" }, // Corebach Backbone
  { asn: 272875, kind: "isp" }, // Comunicamos + Telecomunicaciones
  { asn: 266834, kind: "isp" }, // Insysred
  { asn: 7195, kind: "hosting", alt: ["isp"] }, // EdgeUno
  { asn: 266006, kind: "isp" }, // Nova Tecnologia e Telecomunicações
  { asn: 42392, kind: "isp", alt: ["hosting"] }, // Interactiv-group
  { asn: 34704, kind: "isp" }, // VOIP Telecom
  { asn: 210873, kind: "corporate" }, // Hewlett Packard France
  { asn: 44818, kind: "isp", alt: ["hosting"] }, // LuxConnect
  { asn: 21765, kind: "isp" }, // Voissnet
  { asn: 272044, kind: "isp" }, // Colombia Teleconet
  { asn: 31367, kind: "isp" }, // Zayo Infrastructure France
  { asn: 50778, kind: "corporate", alt: ["hosting"] }, // SQLI
];

/**
 * Stratified blind set of 2026-12-03 (issue #10, recall): 120 ASNs drawn at random (mulberry32, seed 20261203) among
 * ASNs not labelled above, 50 with a foreign legal form in the name (Inc, GmbH, Ltd, PJSC, S.r.l.…), 40 with a
 * French-style one (which also catches Spanish, Greek and Latin-American S.A.), 30 with none, by `legalFormClass`.
 * Labelled from the organisation name and public knowledge, one reason each, BEFORE any classification was run on
 * them; nothing was tuned on them. The 32 names too vague to label are in `STRATIFIED_2026_12_UNSURE`, not scored.
 */
export const BLIND_STRATIFIED_2026_12: readonly LabelledAsn[] = [
  // foreign legal form
  { asn: 9145, kind: "isp" }, // EWE TEL GmbH: German regional telecom operator
  { asn: 11312, kind: "isp", alt: ["hosting"] }, // York Telecom Corporation: managed video/telecom services for customers
  { asn: 19524, kind: "corporate" }, // Comerica Incorporated: US bank
  { asn: 26993, kind: "corporate" }, // Standard Textile Co.: textile manufacturer
  { asn: 29518, kind: "isp" }, // Bredband2 AB: Swedish ISP
  { asn: 29769, kind: "isp", alt: ["hosting"] }, // Allwire Technologies LLC: internet access provider
  { asn: 30394, kind: "corporate" }, // Jennison Associates LLC: investment manager (Prudential)
  { asn: 31846, kind: "isp" }, // Hubsmart Networks Corp.: network provider
  { asn: 41926, kind: "corporate" }, // EBV Elektronik GmbH & Co. KG: electronics distributor (Avnet)
  { asn: 43614, kind: "corporate" }, // Economia a.s.: Czech publisher
  { asn: 51411, kind: "isp" }, // Toos-Ashena PJSC: Iranian ISP
  { asn: 56308, kind: "isp" }, // Telekomunikasi Indonesia International: telecom operator
  { asn: 60027, kind: "corporate" }, // DTV Haber ve Gorsel Yayincilik A.S.: Turkish TV broadcaster
  { asn: 64207, kind: "corporate" }, // Meso Scale Diagnostics, LLC: life-science instruments maker
  { asn: 132302, kind: "hosting" }, // Webquor Services Pty Ltd: web hosting
  { asn: 132845, kind: "isp", alt: ["hosting"] }, // Netcoasia Solutions Ltd: network services
  { asn: 136386, kind: "isp" }, // Full Spectrum Networks Pty Ltd: ISP
  { asn: 136697, kind: "isp" }, // In Broadband Private Limited: Indian broadband ISP
  { asn: 141248, kind: "isp" }, // Jetway 3i Services LLP: Indian broadband ISP
  { asn: 152524, kind: "isp" }, // Gigafiber Airwave Broadband: ISP
  { asn: 154669, kind: "isp", alt: ["hosting"] }, // PT Azvi Multi Teknologi: Indonesian ISP
  { asn: 201744, kind: "hosting" }, // ByteFlare LTD: hosting
  { asn: 206380, kind: "isp" }, // Siltel Telecomunicazioni S.r.l.: Italian operator
  { asn: 206540, kind: "hosting" }, // Beansummerhost … Hosting Solutions LLC: hosting
  { asn: 209071, kind: "hosting", alt: ["isp"] }, // Ricca IT S.r.l.: IT services
  { asn: 209413, kind: "hosting" }, // Dedik Services Limited: dedicated servers
  { asn: 216133, kind: "hosting" }, // cloudcn Cloud Communication & Networks: cloud
  { asn: 265611, kind: "isp" }, // El Poder de Internet SA de CV: Mexican ISP
  { asn: 273954, kind: "isp" }, // Fiber57 Technology S.r.l.: fibre ISP
  { asn: 329227, kind: "hosting", alt: ["isp"] }, // WebSprix IT Solution PLC: Ethiopian IT services
  { asn: 329724, kind: "corporate" }, // Signature Bank Limited: bank
  // French-style legal form
  { asn: 2287, kind: "isp" }, // Orange S.A.
  { asn: 3262, kind: "isp" }, // SAREnet S.A.: Spanish ISP
  { asn: 12302, kind: "mobile", alt: ["isp"] }, // Vodafone Romania
  { asn: 27975, kind: "hosting" }, // Synapsis Colombia SAS: IT outsourcing
  { asn: 28580, kind: "isp" }, // Cilnet Comunicacao e Informatica: Brazilian ISP
  { asn: 28953, kind: "corporate" }, // Piraeus Bank
  { asn: 31097, kind: "corporate" }, // Cornèr Banca: Swiss bank
  { asn: 39086, kind: "corporate", alt: ["hosting"] }, // Nexway SAS: software e-commerce company
  { asn: 39176, kind: "isp" }, // Expereo France: managed network operator
  { asn: 42680, kind: "corporate" }, // Piraeus Securities: brokerage
  { asn: 48590, kind: "corporate" }, // Litasco S.A.: oil trader (Lukoil)
  { asn: 50350, kind: "corporate" }, // MKS Finance S.A.: precious-metals trader
  { asn: 50426, kind: "corporate", alt: ["hosting"] }, // PGE Systemy S.A.: IT arm of the PGE energy group
  { asn: 52353, kind: "corporate" }, // Celulosa Arauco y Constitución: pulp and wood company
  { asn: 60572, kind: "corporate" }, // Zenexity / Ernst & Young Advisory SAS: consulting
  { asn: 61026, kind: "isp", alt: ["hosting"] }, // Hasgard SARL: French ISP and host
  { asn: 62043, kind: "corporate" }, // Repsol S.A.: oil company
  { asn: 199329, kind: "corporate" }, // Banco Mediolanum: bank
  { asn: 199382, kind: "corporate" }, // Regency Entertainment S.A.: Greek casino operator
  { asn: 202987, kind: "isp" }, // Fiber Networks Services SARL
  { asn: 203720, kind: "isp" }, // Neotel SARL: operator
  { asn: 203944, kind: "hosting" }, // NTT Luxembourg PSF: datacentre
  { asn: 205263, kind: "corporate" }, // ABC arbitrage Asset Management: fund manager
  { asn: 207482, kind: "corporate" }, // MSC Cruises SA
  { asn: 209430, kind: "corporate" }, // Huta Stalowa Wola S.A.: arms manufacturer
  { asn: 209662, kind: "corporate", alt: ["government"] }, // RTVE: Spanish public broadcaster (a state-owned company)
  { asn: 263769, kind: "isp" }, // ByteSolution (WispSolution Internet): wireless ISP
  { asn: 265821, kind: "isp" }, // Fortin Mulitas … Circuito Cerrado 3 TV: cable TV operator
  { asn: 266696, kind: "isp" }, // Tangle Network S.A.: ISP
  { asn: 271893, kind: "corporate" }, // LATAM Airlines Group
  { asn: 274195, kind: "isp" }, // Fibertic S.A.S.: fibre ISP
  // no legal form
  { asn: 637, kind: "government" }, // DoD Network Information Center
  { asn: 5090, kind: "education" }, // Arkansas Tech University
  { asn: 17094, kind: "corporate" }, // Mutual of Omaha Insurance Company
  { asn: 19523, kind: "isp" }, // FlexNetworks
  { asn: 21752, kind: "government" }, // Albany County Pine Hills Land Authority
  { asn: 23130, kind: "corporate" }, // Diamond Pharmacy Services
  { asn: 34828, kind: "hosting" }, // DH Bulut Bilisim A.S.: "bulut" is cloud in Turkish
  { asn: 51547, kind: "isp" }, // LLC "Telekonika"
  { asn: 52012, kind: "hosting", alt: ["corporate"] }, // S-IT Informationstechnologie Betreiber: IT operator for a group
  { asn: 134376, kind: "isp" }, // Samoa IXP: exchange point
  { asn: 136873, kind: "isp" }, // MEGADATA-ISP
  { asn: 139414, kind: "government" }, // Pemerintah Kabupaten Kudus: Indonesian regency
  { asn: 142557, kind: "isp" }, // GEN7 ONLINE
  { asn: 200672, kind: "isp" }, // PC Land Kopec Artur: Polish local ISP
  { asn: 212269, kind: "isp" }, // AY Telekom
  { asn: 263112, kind: "isp" }, // NetDRP Servicos de Internet
  { asn: 263422, kind: "isp" }, // Axes Servicos de Comunicacao
  { asn: 264271, kind: "government" }, // Tribunal Regional Eleitoral do Rio Grande do Norte
  { asn: 265151, kind: "isp" }, // Adylnet Telecom
  { asn: 268613, kind: "isp" }, // Vero S.A.: Brazilian ISP
  { asn: 271713, kind: "isp" }, // Gildo Correia Veloso Neto - ME: Brazilian small ISP
  { asn: 274049, kind: "isp" }, // Ferreyra Elio Orlando (Fiber Plus Internet)
  { asn: 327947, kind: "education" }, // Kwame Nkrumah University of Science and Technology
  { asn: 393307, kind: "corporate", alt: ["education"] }, // Cooper University Hospital
  { asn: 397371, kind: "government", alt: ["education"] }, // Harris County Department of Education
  { asn: 397865, kind: "corporate" }, // Veterans United Home Loans: mortgage lender
];

/** Drawn with BLIND_STRATIFIED_2026_12 but too vague to label from the name: kept for the record, never scored. */
export const STRATIFIED_2026_12_UNSURE: readonly number[] = [
  5776, 11362, 33437, 40138, 47285, 57060, 63270, 138415, 152534, 199495, 207460, 211319, 211802, 213453, 214289, 216124, 395160, 397581, 401305, 28022, 39534,
  47127, 60478, 201188, 202933, 209385, 274201, 328429, 18679, 29547, 142642, 273382,
];

/** Every scored set, in the order the benchmark prints them. */
export const LABELLED_SETS: readonly { key: string; name: string; labels: readonly LabelledAsn[] }[] = [
  { key: "known", name: "known examples (brief, curated)", labels: KNOWN_EXAMPLES },
  { key: "random", name: "held-out random (tuned on)", labels: RANDOM_SAMPLE },
  { key: "randomFrench", name: "held-out French forms (tuned on)", labels: RANDOM_FRENCH_SAMPLE },
  // Labelled before classifying; afterwards two rules were fixed on what it showed ("finance", central banks).
  { key: "validation", name: "validation random (blind*)", labels: VALIDATION_SAMPLE },
  { key: "validationFrench", name: "validation French forms (blind*)", labels: VALIDATION_FRENCH_SAMPLE },
  { key: "blindFrench", name: "blind French forms 2026-12 (untuned)", labels: BLIND_FRENCH_FORMS_2026 },
  { key: "stratified", name: "stratified 2026-12-03 (new, untuned)", labels: BLIND_STRATIFIED_2026_12 },
];
