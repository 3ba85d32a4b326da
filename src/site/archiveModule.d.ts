/** The archive the site is rendered from, given by `quarterdeck build` (src/cli/renderSite.ts). */
declare module "virtual:quarterdeck/archive" {
  /** The absolute path of the reports folder. */
  export const reportsDir: string;
}
