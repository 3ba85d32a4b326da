import type { Activity, ActivityType } from "../../model/records.ts";
import { optionalId, requiredDay, requiredId, requiredText, requiredTimestampDay } from "../cells.ts";
import type { IngestContext } from "../context.ts";
import type { TableSpec } from "../readTable.ts";
import { NULL_IDS, skippedAsDeleted } from "./salesforceSpecs.ts";

/*
 * Task.csv and Event.csv as activities. An event is a meeting; a task is a call, an email or
 * a task by its subtype or type (TaskSubtype, Type, or a custom Type__c), else by its subject.
 * WhatId names an opportunity when it starts with 006 and an account with 001; WhoId a
 * contact with 003 (a lead, 00Q, is not a contact).
 */

/** Task.csv or Event.csv. */
export function salesforceActivities(context: IngestContext, object: "Task" | "Event"): TableSpec<Activity> {
  const { cells } = context;
  return {
    kind: "activities",
    nullValues: NULL_IDS,
    columns: [
      { key: "Id", required: true },
      { key: "OwnerId", required: true },
      { key: "ActivityDate" },
      { key: "ActivityDateTime" },
      { key: "CreatedDate" },
      { key: "TaskSubtype" },
      { key: "Type" },
      { key: "Type__c" },
      { key: "Subject" },
      { key: "WhoId" },
      { key: "WhatId" },
      { key: "AccountId" },
      { key: "IsDeleted" },
    ],
    build(row) {
      if (skippedAsDeleted(row)) return undefined;
      const id = requiredId(row, "Id");
      const owner = requiredText(row, "OwnerId", cells);
      const dateKey =
        ["ActivityDate", "ActivityDateTime", "CreatedDate"].find((k) => row.get(k) !== "") ?? "ActivityDate";
      // ActivityDate is a day; ActivityDateTime and CreatedDate are timestamps in UTC.
      const date =
        dateKey === "ActivityDate"
          ? requiredDay(row, dateKey, cells)
          : requiredTimestampDay(row, dateKey, cells);
      if (row.rejected) return undefined;
      const what = optionalId(row, "WhatId");
      const who = optionalId(row, "WhoId");
      return {
        id: id!,
        owner: owner!,
        type:
          object === "Event"
            ? "meeting"
            : taskType(row.get("TaskSubtype"), row.get("Type") || row.get("Type__c"), row.get("Subject")),
        date: date!,
        accountId: optionalId(row, "AccountId") ?? (what?.startsWith("001") ? what : null),
        contactId: who?.startsWith("003") ? who : null,
        opportunityId: what?.startsWith("006") ? what : null,
      };
    },
  };
}

function taskType(subtype: string, type: string, subject: string): ActivityType {
  for (const text of [subtype, type, subject]) {
    const t = text.toLowerCase();
    if (/call/.test(t)) return "call";
    if (/e-?mail/.test(t)) return "email";
    if (/meeting|demo|visit/.test(t)) return "meeting";
    if (/proposal|quote/.test(t)) return "proposal";
  }
  return "task";
}
