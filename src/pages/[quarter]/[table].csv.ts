import type { APIRoute } from "astro";
import { loadArchive } from "../../site/archiveSource.ts";
import { quarterSlug } from "../../site/format.ts";
import { TABLES, toCsv } from "../../site/tables.ts";
import type { Snapshot } from "../../snapshot/snapshot.ts";

/** The main tables of each quarter as CSV. */
export async function getStaticPaths() {
  const archive = await loadArchive();
  return archive.flatMap((snapshot) =>
    TABLES.map((table) => ({
      params: { quarter: quarterSlug(snapshot.quarter), table: table.name },
      props: { snapshot, table },
    })),
  );
}

export const GET: APIRoute = ({ props }) => {
  const { snapshot, table } = props as { snapshot: Snapshot; table: (typeof TABLES)[number] };
  return new Response(toCsv(table.rows(snapshot)), { headers: { "Content-Type": "text/csv" } });
};
