import { defineConfig } from "vitest/config";

// KEYWARD_TEST_RESULTS=path also writes machine-readable results (CI prints a summary from it).
const resultsFile = process.env.KEYWARD_TEST_RESULTS;

export default defineConfig({
  test: {
    include: ["packages/*/src/**/*.test.ts", "bench/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    reporters: resultsFile ? ["default", ["json", { outputFile: resultsFile }]] : ["default"],
  },
});
