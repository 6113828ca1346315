/** Unit tests: components and the API client, in jsdom. */
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
  // Match next.config's trailingSlash, so next/link renders hrefs as the site does.
  define: { "process.env.__NEXT_TRAILING_SLASH": JSON.stringify("true") },
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["./vitest.setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    css: false,
    // jsdom role queries are slow on a busy two-core CI machine; 5 s was seen to time out.
    testTimeout: 20_000,
  },
});
