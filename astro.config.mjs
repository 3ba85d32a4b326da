import { defineConfig } from "astro/config";

// The pack is a plain static site: no client JavaScript, no third-party requests, and the
// output must be byte-identical for the same archive, so nothing here may depend on the clock.
export default defineConfig({
  srcDir: "./src",
  // `quarterdeck build --out` gives the folder; this is where a bare `astro build` writes.
  outDir: "./dist",
  trailingSlash: "always",
  build: { format: "directory", inlineStylesheets: "always" },
  devToolbar: { enabled: false },
  prefetch: false,
});
