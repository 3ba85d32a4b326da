import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { activitiesSpec } from "../../src/ingest/canonical/activities.ts";
import { readActivities } from "../../src/ingest/canonical/plainActivities.ts";
import { cellContext } from "../../src/ingest/cells.ts";
import { DataFolder } from "../../src/ingest/dataFolder.ts";
import { Ledger } from "../../src/ingest/ledger.ts";
import { ActivityLog } from "../../src/model/activityLog.ts";
import type { Day } from "../../src/model/records.ts";

/*
 * Plain activity rows are read from their bytes; every other row by the spec's `build`. The
 * fixture mixes both: spaces to trim, a timestamp, a one-digit month, an upper-case type, an
 * unknown type, impossible and too-early days, too many and too few values, an empty id, a
 * blank line, an accented owner, CRLF line ends, and (last) quoted values, after which the
 * rest of the file is read as text. Read either way, the log and the ledger must be the same.
 */

const awkward = fileURLToPath(new URL("../fixtures/ingest/activities/awkward", import.meta.url));

async function read(dir: string, plain: boolean, latestDay: Day | null = null) {
  const ledger = new Ledger();
  const folder = await DataFolder.open(dir, ledger);
  const cells = cellContext({ timeZone: "America/New_York", dateOrder: "month-first" }, ".", latestDay);
  const log = new ActivityLog();
  let fromBytes = 0;
  if (plain) fromBytes = await readActivities(folder, "activities.csv", cells, log);
  else await folder.read("activities.csv", activitiesSpec({ cells }), (a) => log.push(a));
  const result = {
    activities: [...log],
    ledger: ledger.summary(),
    inputs: await folder.inputs(),
    maxDay: cells.maxDay,
  };
  return { result, fromBytes };
}

/** The fixture without its quoted rows, so that every line is offered to the byte reader. */
async function unquoted(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "qd-plain-"));
  const text = await readFile(join(awkward, "activities.csv"), "utf8");
  await writeFile(
    join(dir, "activities.csv"),
    text
      .split("\r\n")
      .filter((l) => !l.includes('"'))
      .join("\r\n"),
  );
  return dir;
}

describe("reading activities from their bytes", () => {
  it("gives the same log and ledger as reading every row as text", async () => {
    const { result: text } = await read(awkward, false);
    const { result: bytes, fromBytes } = await read(awkward, true);
    expect(bytes).toEqual(text);
    // T1 and T12 are plain; T2 and T5 have a space to trim, T3 a one-digit month, T4 a zone,
    // T11 an accent; from T13's quotes on, the rest of the file is read as text.
    expect(fromBytes).toBe(2);
    // Used: T1, T2 (trimmed), T3, T4 (23:30 UTC is 19:30 in New York), T11, T12, T13, T14, T15.
    expect(text.activities.map((a) => `${a.owner}|${a.type}|${a.date}`)).toEqual([
      "Ann|call|2026-07-01",
      "Ann|call|2026-07-01",
      "Ann|call|2026-07-02",
      "Ann|call|2026-07-02",
      "Bo|call|2026-07-03",
      "José|meeting|2026-07-05",
      "Cy|email|2026-07-06",
      "Cy, Jr.|email|2026-07-06",
      "Cy|email|2026-07-07",
      "Cy|email|2026-07-08",
    ]);
    expect(text.ledger.files[0]).toMatchObject({ read: 16, used: 10, rejected: 6 });
  });

  it("agrees on a file of megabytes, whose lines cross the chunks it is read in", async () => {
    const dir = await mkdtemp(join(tmpdir(), "qd-chunks-"));
    // Every 97th row has a space to trim, so that some rows go to the text reader on either side
    // of chunk boundaries; every 89th has a time (read in the time zone); CRLF line ends throughout.
    const rows = Array.from({ length: 60_000 }, (_, i) => {
      const owner = i % 97 === 0 ? ` Rep ${i % 13}` : `Rep ${i % 13}`;
      const date = i % 89 === 0 ? "2026-07-01 23:30:00" : `2026-07-${String(1 + (i % 28)).padStart(2, "0")}`;
      return `T${i},${owner},${["call", "email", "meeting"][i % 3]},${date},A${i % 1009},C${i % 7},`;
    });
    await writeFile(
      join(dir, "activities.csv"),
      `id,owner,type,date,account_id,contact_id,opportunity_id\r\n${rows.join("\r\n")}\r\n`,
    );
    const { result: text } = await read(dir, false);
    const { result: bytes, fromBytes } = await read(dir, true);
    expect(bytes).toEqual(text);
    expect(text.activities).toHaveLength(60_000);
    // Times are read from their bytes as days are; rows 0, 97, 194, … have a space to trim and
    // go to the text reader: 619 of them.
    expect(fromBytes).toBe(60_000 - 619);
  });

  it("leaves a line of megabytes to the text parser, with the same result", async () => {
    const dir = await mkdtemp(join(tmpdir(), "qd-long-"));
    const long = "x".repeat(3 << 20);
    const rows = [
      "T1,Ann,call,2026-07-01,A1,,",
      `T2,${long},call,2026-07-02,A1,,`,
      "T3,Bo,call,2026-07-03,A2,,",
    ];
    await writeFile(
      join(dir, "activities.csv"),
      `id,owner,type,date,account_id,contact_id,opportunity_id\n${rows.join("\n")}\n`,
    );
    const { result: text } = await read(dir, false);
    const { result: bytes, fromBytes } = await read(dir, true);
    expect(bytes).toEqual(text);
    expect(text.activities.map((a) => a.owner.length)).toEqual([3, long.length, 2]);
    // T1 is read from its bytes; from the long line on, the rest of the file is read as text.
    expect(fromBytes).toBe(1);
  });

  it("agrees when every line is offered to the byte reader, with the latest plausible day", async () => {
    const dir = await unquoted();
    const { result: text } = await read(dir, false, "2026-07-05");
    const { result: bytes, fromBytes } = await read(dir, true, "2026-07-05");
    expect(bytes).toEqual(text);
    // Only T1 is plain and within the bound (T12 and T14, after it, are rejected as text).
    expect(fromBytes).toBe(1);
    // T12 and T14 fall after the bound and are rejected; T11's 2026-07-05 is the latest day kept.
    expect(text.activities.map((a) => a.date).at(-1)).toBe("2026-07-05");
    expect(text.maxDay).toBe("2026-07-07");
  });
});
