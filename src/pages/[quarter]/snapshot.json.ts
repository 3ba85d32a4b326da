import type { APIRoute } from "astro";
import { loadArchive } from "../../site/archiveSource.ts";
import { quarterSlug } from "../../site/format.ts";
import { serializeSnapshot } from "../../snapshot/archive.ts";
import type { Snapshot } from "../../snapshot/snapshot.ts";

/** Each quarter's snapshot, byte for byte as archived. */
export async function getStaticPaths() {
  const archive = await loadArchive();
  return archive.map((snapshot) => ({
    params: { quarter: quarterSlug(snapshot.quarter) },
    props: { snapshot },
  }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(serializeSnapshot((props as { snapshot: Snapshot }).snapshot), {
    headers: { "Content-Type": "application/json" },
  });
