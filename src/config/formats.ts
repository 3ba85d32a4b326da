/** The CRM export formats Quarterdeck reads: the one list the config and the adapters share. */
export const FORMATS = ["canonical", "salesforce", "hubspot", "pipedrive"] as const;

/** A CRM export format Quarterdeck reads. */
export type Format = (typeof FORMATS)[number];
