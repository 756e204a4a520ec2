/**
 * The quick layer (`npm run test:quick`) for the edit loop: everything but the slow end-to-end
 * suites, which need the compiled CLI (dist/), LibreOffice, Chromium or minutes. Tests inside other
 * files that belong to the full layer only are marked with test/support/tools.ts.
 * @type {import('jest').Config}
 */
const full = require("./jest.config");

const FULL_LAYER_SUITES = [
  "test/validate/libreoffice.test.ts",
  "test/consolidate/sample-300.test.ts",
  "test/validate/time-zone.test.ts",
  "test/install/pack.test.ts",
  // Through the compiled CLI in a process of its own (exit codes, another user, the environment):
  "test/consolidate/accounted-for.test.ts",
  "test/consolidate/registry-layout.test.ts",
  "test/consolidate/moved-figures.test.ts",
  "test/graph/cli.test.ts",
  // Slow oracles and waits: exceljs re-reads the corpus and a 30-unit sample; retries wait out back-offs.
  "test/addin/conformance.test.ts",
  "test/graph/faults.test.ts",
  // A sample province each, run end to end through a command or the HTTPS Graph test server (2-6 s
  // apiece); the rules they exercise have unit suites in this layer, and the sample suite stays here
  // as the one end-to-end check of the edit loop.
  "test/graph/cache.test.ts",
  "test/remind/remind-send.test.ts",
  "test/graph/graph-source.test.ts",
  "test/consolidate/cli-edges.test.ts",
  "test/remind/remind-cli.test.ts",
  // Two sample years in one shared folder, consolidated three ways.
  "test/consolidate/five-years.test.ts",
];

module.exports = {
  ...full,
  testPathIgnorePatterns: ["/node_modules/", ...FULL_LAYER_SUITES.map((suite) => `<rootDir>/${suite}$`)],
  globals: { THIDUA_TEST_LAYER: "quick" },
  // One worker per core (jest's default leaves one core to itself, which idles in a run this short).
  maxWorkers: "100%",
  reporters: [
    "default",
    ["<rootDir>/test/support/summary-reporter.js", { fullLayerSuites: FULL_LAYER_SUITES }],
  ],
};
