import type { Contact } from "../../model/records.ts";
import { optionalId, optionalText, requiredId } from "../cells.ts";
import type { IngestContext } from "../context.ts";
import type { TableSpec } from "../readTable.ts";

/** contacts.csv: job titles and buyer personas. */
export function contactsSpec(context: IngestContext): TableSpec<Contact> {
  const { cells, personas } = context;
  return {
    kind: "contacts",
    columns: [
      { key: "id", required: true },
      { key: "account_id" },
      { key: "title", aliases: ["job_title"] },
      { key: "persona", aliases: ["buyer_persona"] },
    ],
    build(row) {
      const id = requiredId(row, "id");
      if (id === undefined) return undefined;
      const title = optionalText(row, "title", cells);
      const persona = personas.personaOf(optionalText(row, "persona", cells), title);
      return {
        id,
        accountId: optionalId(row, "account_id"),
        title,
        persona,
        isTargetPersona: personas.isTarget(persona),
      };
    },
  };
}
