/**
 * A curated list: ASN → operator name as people know it (it appears in the classification reason).
 * Keep one ASN per line, in the operator's group, with a comment when the ASN is surprising.
 */
export type AsnList = Readonly<Record<number, string>>;
