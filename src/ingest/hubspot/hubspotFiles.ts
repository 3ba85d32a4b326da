import type { Config } from "../../config/configSchema.ts";
import type { DataFolder } from "../dataFolder.ts";
import { configuredFile, filesWithSignature, onlyOne, type Signature } from "../findFiles.ts";

/*
 * HubSpot names its exports freely ("hubspot-crm-exports-all-deals-2026-10-02.csv"), so each
 * file is recognised by the properties in its header, not by its name. A deals export is
 * known by its Deal Stage and any one other deal property (a custom export may leave out the
 * Deal Name). Two exports of one object are an error unless `files` picks one.
 */

/** Which export file holds which HubSpot object. */
export interface HubSpotFiles {
  deals?: string;
  companies?: string;
  contacts?: string;
  activities?: string;
}

/** The header of a HubSpot deals export. */
export const DEAL_SIGNATURE: Signature = {
  all: ["dealstage"],
  any: [
    "dealname",
    "pipeline",
    "dealowner",
    "recordid",
    "dealid",
    "amountincompanycurrency",
    "isdealclosed",
    "isclosedwon",
    "closedlostreason",
  ],
  some: 1,
  // Pipedrive writes "Deal - Stage" and "Deal - Owner" too, but also "Deal - Title" and "Deal - Status".
  none: ["dealtitle", "dealstatus"],
};

const OBJECTS: [keyof HubSpotFiles, keyof Config["files"], string, Signature][] = [
  ["deals", "opportunities", "HubSpot deals", DEAL_SIGNATURE],
  ["activities", "activities", "HubSpot activities", { all: ["activitytype"] }],
  [
    "companies",
    "accounts",
    "HubSpot companies",
    { all: [], any: ["companydomainname", "companyname"], some: 2 },
  ],
  [
    "contacts",
    "contacts",
    "HubSpot contacts",
    { all: [], any: ["jobtitle", "email", "lifecyclestage", "firstname"], some: 2 },
  ],
];

/** Finds each object's file among the folder's CSV files by its header (or the config's `files`). */
export async function findHubSpotFiles(
  folder: DataFolder,
  files: Config["files"] = {},
): Promise<HubSpotFiles> {
  const found: HubSpotFiles = {};
  const taken = new Set<string>();
  for (const [object, kind, label, signature] of OBJECTS) {
    const named = configuredFile(folder, files, kind);
    if (named !== undefined) {
      found[object] = named;
    } else {
      // A file already recognised as another object is not this one (deals carry a company column too).
      const candidates = (await filesWithSignature(folder, signature)).filter((f) => !taken.has(f));
      const file = onlyOne(candidates, kind, label);
      if (file !== undefined) found[object] = file;
    }
    if (found[object] !== undefined) taken.add(found[object]);
  }
  return found;
}
