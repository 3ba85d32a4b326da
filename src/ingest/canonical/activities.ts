import type { Activity, ActivityType } from "../../model/records.ts";
import { optionalId, requiredId, requiredTimestampDay } from "../cells.ts";
import type { IngestContext } from "../context.ts";
import type { TableSpec } from "../readTable.ts";

/** activities.csv: calls, meetings, emails, proposals and tasks, for the leading indicators. */
export function activitiesSpec({ cells }: Pick<IngestContext, "cells">): TableSpec<Activity> {
  return {
    kind: "activities",
    columns: [
      { key: "id", required: true },
      { key: "owner", required: true },
      { key: "type", required: true, aliases: ["activity_type"] },
      { key: "date", required: true, aliases: ["activity_date"] },
      { key: "account_id" },
      { key: "contact_id" },
      { key: "opportunity_id" },
    ],
    build(row) {
      const id = requiredId(row, "id");
      // Not interned: the activity log keeps each distinct owner and reference once.
      const owner = requiredId(row, "owner");
      const typeText = row.get("type");
      const type = parseActivityType(typeText);
      if (type === null) {
        row.reject(
          "type",
          `"${typeText}" is not an activity type: use call, meeting, email, task, proposal or other`,
        );
      }
      // Activities are often exported with their time: the day is taken in the company's zone.
      const date = requiredTimestampDay(row, "date", cells);
      if (row.rejected) return undefined;
      return {
        id: id!,
        owner: owner!,
        type: type!,
        date: date!,
        accountId: optionalId(row, "account_id"),
        contactId: optionalId(row, "contact_id"),
        opportunityId: optionalId(row, "opportunity_id"),
      };
    },
  };
}

const TYPES: Record<string, ActivityType> = {
  call: "call",
  phone: "call",
  "phone call": "call",
  meeting: "meeting",
  event: "meeting",
  demo: "meeting",
  email: "email",
  "e-mail": "email",
  task: "task",
  "to-do": "task",
  todo: "task",
  proposal: "proposal",
  quote: "proposal",
  other: "other",
  note: "other",
};

/** An activity type from the names CRMs use, or null when unknown. */
export function parseActivityType(text: string): ActivityType | null {
  // Exports spell the same few types millions of times: look the spelling up once.
  let type = spellings.get(text);
  if (type === undefined) {
    const name = text.trim().toLowerCase();
    type = Object.hasOwn(TYPES, name) ? TYPES[name]! : null;
    if (spellings.size < 1_000) spellings.set(text, type);
  }
  return type;
}

const spellings = new Map<string, ActivityType | null>();
