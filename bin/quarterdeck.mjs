#!/usr/bin/env node
// Quarterdeck is written in TypeScript and run by Node's built-in type stripping (Node 22.18+).
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(
    `quarterdeck needs Node 22.18 or newer (this is ${process.version}). ` +
      "Run it through npm (npx quarterdeck …, npm run …), which uses the Node the project installs.\n",
  );
  process.exit(2);
}
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
