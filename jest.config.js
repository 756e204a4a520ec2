/**
 * The full layer (`npm test`, `.ci/run`): every test. Tests needing a program from outside npm
 * (LibreOffice, Chromium) are skipped where it is missing, with one line at the end naming them;
 * with CI=true they fail instead. See test/support/tools.ts.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    // Type checking runs once in `npm run typecheck`; tests only need the types stripped, which swc does
    // in a fraction of ts-jest's time (a cold run of the quick layer: 32 s -> 22 s).
    "^.+\\.ts$": [
      "@swc/jest",
      {
        jsc: { target: "es2022", parser: { syntax: "typescript" } },
        module: { type: "commonjs" },
      },
    ],
  },
  testTimeout: 120000,
  reporters: ["default", "<rootDir>/test/support/summary-reporter.js"],
};
