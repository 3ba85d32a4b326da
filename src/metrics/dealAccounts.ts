import { Dictionary } from "../model/dictionary.ts";
import type { Account } from "../model/records.ts";
import { type Timelines, WON } from "./pointInTime.ts";

/*
 * Each deal's account as a number, looked up once. Finding an account by its id text costs
 * a hash and a probe or two into memory; the forecast's fit, new logos, new-vs-existing
 * pipeline and the ICP share each asked it again per deal, a million times over at
 * enterprise size. Here the ids are coded once (the accounts' own first, then ids that deals
 * name but the accounts do not list) and what the metrics ask of an account is kept by code.
 */

/** The deals' accounts by code. */
export interface DealAccounts {
  /** Code of each opportunity's account, −1 when it names none. */
  readonly of: Int32Array;
  /** Account ids by code. */
  readonly ids: readonly string[];
  /** The account record of each code; undefined for an id the accounts do not list. */
  readonly records: readonly (Account | undefined)[];
  /** ICP fit of each code: 1 ICP, 0 not, −1 unknown. */
  readonly fit: Int8Array;
  /** Day number of each account's first won deal's close, infinity when it has none. */
  readonly firstWon: Float64Array;
}

/** Codes the accounts of the deals, whose close days and outcomes the timelines hold. */
export function dealAccounts(
  timelines: Pick<Timelines, "opportunities" | "recordCloseDay" | "recordFlags">,
  accounts: readonly Account[],
): DealAccounts {
  const { opportunities, recordCloseDay: closeDays, recordFlags } = timelines;
  const ids = new Dictionary();
  const records: (Account | undefined)[] = [];
  // A repeated account id is the last one's, as a map from id to account would have it.
  for (const account of accounts) records[ids.code(account.id)] = account;
  const of = new Int32Array(opportunities.length);
  for (let i = 0; i < opportunities.length; i++) {
    const id = opportunities[i]!.accountId;
    of[i] = id === null ? -1 : ids.code(id);
  }
  const codes = ids.texts.length;
  records.length = codes;
  const fit = new Int8Array(codes);
  for (let code = 0; code < codes; code++) {
    const isIcp = records[code]?.isIcp ?? null;
    fit[code] = isIcp === null ? -1 : isIcp ? 1 : 0;
  }
  const firstWon = new Float64Array(codes).fill(Number.POSITIVE_INFINITY);
  for (let i = 0; i < opportunities.length; i++) {
    const code = of[i]!;
    if (code !== -1 && recordFlags[i]! & WON && closeDays[i]! < firstWon[code]!)
      firstWon[code] = closeDays[i]!;
  }
  return { of, ids: ids.texts, records, fit, firstWon };
}
