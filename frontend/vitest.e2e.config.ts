/** End-to-end specs (e2e/*.spec.ts): Chromium via playwright-core against `next start` + Django. */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "node",
    include: ["e2e/**/*.spec.ts"],
    // Two cores are shared with Django and Next: one spec file at a time.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
