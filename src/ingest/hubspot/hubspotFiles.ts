import type { DataFolder } from "../dataFolder.ts";
import { readHeader } from "../readHeader.ts";

/*
 * HubSpot names its exports freely ("hubspot-crm-exports-all-deals-2026-10-02.csv"), so each
 * file is recognised by the properties in its header, not by its name.
 */

/** Which export file holds which HubSpot object. */
export interface HubSpotFiles {
  deals?: string;
  companies?: string;
  contacts?: string;
  activities?: string;
}

const SIGNATURES: [keyof HubSpotFiles, string[]][] = [
  ["deals", ["dealstage", "dealname"]],
  ["activities", ["activitytype"]],
  ["companies", ["companydomainname", "companyname"]],
  ["contacts", ["jobtitle", "email", "lifecyclestage", "firstname"]],
];

/** Finds each object's file among the folder's CSV files by its header. */
export async function findHubSpotFiles(folder: DataFolder): Promise<HubSpotFiles> {
  const found: HubSpotFiles = {};
  for (const file of folder.files.filter((f) => /\.csv$/i.test(f) && !f.includes("/"))) {
    const header = new Set(await readHeader(folder, file));
    for (const [object, properties] of SIGNATURES) {
      const hits = properties.filter((p) => header.has(p)).length;
      if (found[object] === undefined && hits >= Math.min(2, properties.length)) {
        found[object] = file;
        break;
      }
    }
  }
  return found;
}
