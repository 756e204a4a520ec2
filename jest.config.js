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
    // Type checking runs once in `npm run typecheck`; ts-jest only transpiles here.
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  testTimeout: 120000,
  reporters: ["default", "<rootDir>/test/support/summary-reporter.js"],
};
