// Prints vitest JSON results (one file or several, added up) as one plain closing line:
// "N passed, N failed, N skipped".
import { readFileSync } from "node:fs";

const files = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of files.length > 0 ? files : ["test-results.json"]) {
  const results = JSON.parse(readFileSync(file, "utf8"));
  passed += results.numPassedTests ?? 0;
  failed += (results.numFailedTests ?? 0) + (results.numFailedTestSuites ?? 0);
  skipped += (results.numPendingTests ?? 0) + (results.numTodoTests ?? 0);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
