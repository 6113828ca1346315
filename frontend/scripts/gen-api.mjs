#!/usr/bin/env node
/**
 * `npm run gen:api`: regenerates src/lib/api/schema.d.ts from the API's OpenAPI schema
 * (`{API_URL}/api/schema/`, drf-spectacular) with openapi-typescript. Commit the result.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const frontend = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const apiUrl = (process.env.API_URL || "http://127.0.0.1:8000").replace(/\/+$/, "");
const output = path.join("src", "lib", "api", "schema.d.ts");
const bin = path.join(frontend, "node_modules", ".bin", "openapi-typescript");

const result = spawnSync(bin, [`${apiUrl}/api/schema/`, "--output", output], {
  cwd: frontend,
  stdio: "inherit",
});
process.exit(result.status ?? 1);
