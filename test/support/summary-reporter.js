// @ts-check
/**
 * One line at the end of a jest run for the tests that did not run on purpose: those skipped
 * because a program is missing (named, with the install command), and, in the quick layer, those
 * left to the full run. The tags come from the titles set in test/support/tools.ts.
 */
const { relative } = require("node:path");
const TOOLS = require("./tools.json");

const MISSING = /\[skipped: no ([\w-]+)\]/;
const FULL_LAYER = "[full layer only]";

class SummaryReporter {
  /**
   * @param {{ rootDir: string }} globalConfig
   * @param {{ fullLayerSuites?: string[] }} [options] the suites the quick layer leaves out entirely
   */
  constructor(globalConfig, options) {
    this.rootDir = globalConfig.rootDir;
    this.fullLayerSuites = options?.fullLayerSuites ?? [];
  }

  /**
   * @param {unknown} _contexts
   * @param {{ testResults: { testFilePath: string, testResults: { status: string, title: string, ancestorTitles: string[] }[] }[] }} results
   */
  onRunComplete(_contexts, results) {
    /** @type {Map<string, Set<string>>} */
    const missing = new Map();
    /** @type {Map<string, number>} */
    const fullOnly = new Map();
    for (const suite of results.testResults) {
      const file = relative(this.rootDir, suite.testFilePath).split("\\").join("/");
      for (const test of suite.testResults) {
        if (test.status !== "pending") continue;
        const titles = [...test.ancestorTitles, test.title].join(" ");
        const tool = MISSING.exec(titles)?.[1];
        if (tool) missing.set(tool, (missing.get(tool) ?? new Set()).add(file));
        if (titles.includes(FULL_LAYER)) fullOnly.set(file, (fullOnly.get(file) ?? 0) + 1);
      }
    }
    if (missing.size > 0) {
      const tools = [...missing.keys()].sort();
      const which = tools
        .map((tool) => `${TOOLS[tool]?.name ?? tool} (${tool}): ${[...(missing.get(tool) ?? [])].join(", ")}`)
        .join("; ");
      const packages = tools.map((tool) => TOOLS[tool]?.debianPackage ?? tool).join(" ");
      process.stderr.write(
        `Skipped, program missing: ${which}. Install: sudo apt-get install -y ${packages} (CI=true makes this a failure)\n`,
      );
    }
    if (fullOnly.size > 0 || this.fullLayerSuites.length > 0)
      process.stderr.write(
        `Quick layer: left to \`npm test\`: ${[...this.fullLayerSuites, ...[...fullOnly].map(([file, tests]) => `${file} (${tests} ${tests === 1 ? "test" : "tests"})`)].join(", ")}\n`,
      );
  }
}

module.exports = SummaryReporter;
