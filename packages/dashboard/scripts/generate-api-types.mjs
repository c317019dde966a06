// Build step: asks the compiled server for its OpenAPI document and turns it into
// TypeScript types (src/api/schema.gen.ts), so every dashboard API call is checked
// against the server's route schemas at build time.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const here = path.dirname(fileURLToPath(import.meta.url));
const serverDist = path.resolve(here, "../../server/dist");
const outFile = path.resolve(here, "../src/api/schema.gen.ts");

async function loadServer() {
  try {
    const config = await import(pathToFileURL(path.join(serverDist, "config/index.js")).href);
    const runtime = await import(pathToFileURL(path.join(serverDist, "runtime/create-keyward.js")).href);
    return { loadConfig: config.loadConfig, createKeyward: runtime.createKeyward };
  } catch (error) {
    throw new Error(`the server is not built (${error.message}); run "npx tsc -b packages/server" first`);
  }
}

const { loadConfig, createKeyward } = await loadServer();
const dataDir = mkdtempSync(path.join(tmpdir(), "keyward-openapi-"));
let document;
try {
  const keyward = await createKeyward(loadConfig({ KEYWARD_DATA_DIR: dataDir, LOG_LEVEL: "silent" }));
  try {
    await keyward.app.ready();
    document = keyward.app.swagger();
  } finally {
    await keyward.close();
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

const ast = await openapiTS(document, { alphabetize: true });
mkdirSync(path.dirname(outFile), { recursive: true });
writeFileSync(outFile, `// Generated from the server's OpenAPI document by scripts/generate-api-types.mjs. Do not edit.\n${astToString(ast)}`);
console.log(`dashboard: API types written to ${path.relative(process.cwd(), outFile)}`);
