/**
 * Background work on the enrichment queue: one stored hit to identify and enrich, the next slice of a rescoring job
 * after a model change, or a contact's company to decide from its e-mail domain after its hits were scored from
 * their network (identify/contact-company.ts).
 */
export type EnrichMessage = { hitId: string } | { rescoreJobId: string } | { contactCompany: ContactCompanyJob };

/** A contact whose company is still to be decided from its e-mail domain. */
export interface ContactCompanyJob {
  workspaceId: string;
  contactId: string;
}
