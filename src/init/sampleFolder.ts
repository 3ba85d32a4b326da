import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { CliError } from "../errors.ts";
import { readCsv } from "../ingest/readCsv.ts";

/*
 * What `init` looks at: the header and the first rows of each CSV file at the top of a data
 * folder. A sample is enough to recognise a format and guess columns; the whole file is read
 * only by compute.
 */

/** The header and first rows of one CSV file. */
export interface SampledFile {
  file: string;
  header: string[];
  rows: string[][];
}

const SAMPLE_ROWS = 500;

class EnoughRows extends Error {}

/** Samples every top-level CSV file of a folder, in name order. */
export async function sampleFolder(dir: string): Promise<SampledFile[]> {
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isFile() && /\.csv$/i.test(e.name) && !e.name.startsWith("."))
      .map((e) => e.name)
      .sort();
  } catch {
    throw new CliError(`${dir}: no such data folder. Pass the folder holding the CRM export with --data.`, 2);
  }
  const sampled: SampledFile[] = [];
  for (const file of names) {
    const sample: SampledFile = { file, header: [], rows: [] };
    try {
      await readCsv(join(dir, file), file, {
        header(fields) {
          sample.header = fields.map((f) => f.trim());
        },
        row(fields) {
          sample.rows.push(fields.map((f) => f.trim()));
          if (sample.rows.length >= SAMPLE_ROWS) throw new EnoughRows();
        },
      });
    } catch (error) {
      if (!(error instanceof EnoughRows)) continue; // an unreadable file is left to compute to report
    }
    sampled.push(sample);
  }
  return sampled;
}

/** The non-empty values of a column of a sample. */
export function valuesOf(sample: SampledFile, at: number): string[] {
  return sample.rows.map((r) => r[at] ?? "").filter((v) => v !== "");
}
