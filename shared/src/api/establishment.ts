import { z } from "zod";

/** The company's establishment nearest the visits (the visitor's office), with its SIRET. */
export const visitorEstablishmentSchema = z.object({
  siret: z.string(),
  city: z.string().nullable(),
  postalCode: z.string().nullable(),
  /** True when no establishment was near the visit and the head office stands in. */
  headOffice: z.boolean(),
  /** "DANONE — établissement de Lyon 7e, SIRET 55203253400109". */
  label: z.string(),
});
export type VisitorEstablishment = z.infer<typeof visitorEstablishmentSchema>;
