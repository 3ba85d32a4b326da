import type { APIRoute } from "astro";
import { supersededVersions } from "../../../site/archiveSource.ts";
import { serializeSnapshot } from "../../../snapshot/archive.ts";
import type { Snapshot } from "../../../snapshot/snapshot.ts";

/** Each superseded version's snapshot, byte for byte as archived. */
export function getStaticPaths() {
  return supersededVersions();
}

export const GET: APIRoute = ({ props }) =>
  new Response(serializeSnapshot((props as { snapshot: Snapshot }).snapshot), {
    headers: { "Content-Type": "application/json" },
  });
