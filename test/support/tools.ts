import TOOLS from "./tools.json";
import { findTool, type Tool } from "./find-tool";

export { findTool, type Tool };

/**
 * End-to-end tests that need a program from outside npm (LibreOffice, Chromium). Where the program
 * is missing they are skipped, and test/support/summary-reporter.js prints one line naming them and
 * the install command; under CI=true a missing program is a failure, so CI never skips silently.
 * The quick layer (`npm run test:quick`) leaves them, and every other full-layer test, to `npm test`.
 */

/** Tags read by summary-reporter.js from the titles of skipped tests. */
const MISSING_TAG = (tool: Tool): string => `[skipped: no ${tool}]`;
const FULL_LAYER_TAG = "[full layer only]";

function isCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== "" && ci !== "0" && ci.toLowerCase() !== "false";
}

/** Whether this run is the quick layer (jest.quick.config.js sets the global). */
export function isQuickLayer(): boolean {
  return (globalThis as { THIDUA_TEST_LAYER?: string }).THIDUA_TEST_LAYER === "quick";
}

function missingMessage(tool: Tool): string {
  const { name, command, env, debianPackage } = TOOLS[tool];
  return `${name} (${command}) is needed and CI is set, so this is a failure: apt-get install -y ${debianPackage}, or set ${env}`;
}

/** describe() for tests that run `tool`: skipped (and tagged) when it is missing outside CI, failing in CI. */
export function describeWithTool(tool: Tool, title: string, body: () => void): void {
  if (isQuickLayer()) return describe.skip(`${title} ${FULL_LAYER_TAG}`, body);
  if (findTool(tool)) return describe(title, body);
  if (!isCi()) return describe.skip(`${title} ${MISSING_TAG(tool)}`, body);
  describe(title, () => {
    beforeAll(() => {
      throw new Error(missingMessage(tool));
    });
    body();
  });
}

/** it() for one test that runs `tool`, with the same rules as describeWithTool. */
export function itWithTool(tool: Tool, title: string, body: () => Promise<void>, timeout?: number): void {
  if (isQuickLayer()) return it.skip(`${title} ${FULL_LAYER_TAG}`, body);
  if (findTool(tool)) return it(title, body, timeout);
  if (!isCi()) return it.skip(`${title} ${MISSING_TAG(tool)}`, body);
  it(title, () => {
    throw new Error(missingMessage(tool));
  });
}

/** describe() for tests that belong to the full layer only (compiled code, slow end-to-end runs). */
export function describeFullLayer(title: string, body: () => void): void {
  if (isQuickLayer()) return describe.skip(`${title} ${FULL_LAYER_TAG}`, body);
  describe(title, body);
}

/** it() for one slow test that belongs to the full layer only (sizes, fuzzing, slow oracles). */
export function itFullLayer(title: string, body: () => Promise<void>, timeout?: number): void {
  if (isQuickLayer()) return it.skip(`${title} ${FULL_LAYER_TAG}`, body);
  it(title, body, timeout);
}
