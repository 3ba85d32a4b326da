import type { Adapter } from "../adapter.ts";
import type { Rate } from "../currency.ts";
import { configuredFile } from "../findFiles.ts";
import { ratesSpec } from "./rates.ts";
import { CANONICAL_FILES, readCanonical } from "./readCanonical.ts";

/** The project's own CSV format (docs/canonical-csv.md), also any export mapped by the config. */
export const canonicalAdapter: Adapter = {
  format: "canonical",
  label: "canonical CSV",
  async detect(folder, files) {
    return (
      (configuredFile(folder, files, "opportunities") ?? folder.find(CANONICAL_FILES.opportunities)) !==
      undefined
    );
  },
  async rates(folder, cells, _reporting, files = {}) {
    const file = configuredFile(folder, files, "rates") ?? folder.find("rates.csv");
    const rates: Rate[] = [];
    if (file !== undefined) await folder.read(file, ratesSpec(cells), (rate) => rates.push(rate));
    return rates;
  },
  read: readCanonical,
};
