import { spawnSync } from "node:child_process";
import { join } from "node:path";

const root = join(__dirname, "..", "..");

interface LintCase {
  readonly path: string;
  readonly code: string;
}

/**
 * Lints each text as if it were the file at its path, all in one ESLint run: ESLint runs in its
 * own process (its config loads by dynamic import, which jest's module system does not offer).
 */
function lintAll(cases: readonly LintCase[]): string[][] {
  const script = `
    const { ESLint } = require("eslint");
    const cases = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
    const eslint = new ESLint({ cwd: process.cwd() });
    (async () => {
      const found = [];
      for (const { path, code } of cases) {
        const [result] = await eslint.lintText(code, { filePath: path });
        found.push((result ? result.messages : []).map((message) => message.ruleId ?? message.message));
      }
      process.stdout.write(JSON.stringify(found));
    })();
  `;
  const run = spawnSync(process.execPath, ["-e", script], {
    cwd: root,
    input: JSON.stringify(cases),
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`ESLint failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as string[][];
}

const FORBIDDEN_IN_CORE = [
  'import ExcelJS from "exceljs";',
  'import { readFile } from "node:fs/promises";',
  'import { readFile } from "fs";',
  'import { Client } from "@microsoft/microsoft-graph-client";',
  'import { DefaultAzureCredential } from "@azure/identity";',
  'import React from "react";',
];

const CASES: readonly LintCase[] = [
  ...FORBIDDEN_IN_CORE.map((line) => ({
    path: "core/example.ts",
    code: `${line}\nexport const used = 1;\n`,
  })),
  {
    path: "scripts/example.ts",
    code: 'import { readFile } from "node:fs/promises";\nexport const used = readFile;\n',
  },
  {
    path: "core/example.ts",
    code: 'import { z } from "zod";\nimport { CONTENTS } from "./catalogue/contents";\nexport const used = [z, CONTENTS];\n',
  },
  {
    path: "scripts/example.ts",
    code: 'import { KH_SPEC } from "../core/template-spec/index";\nexport const used = KH_SPEC;\n',
  },
  {
    path: "scripts/example.ts",
    code: 'import { KH_SPEC } from "../core/index";\nexport const used = KH_SPEC;\n',
  },
];

describe("core/ stays pure (ESLint)", () => {
  let found: string[][];

  beforeAll(() => {
    found = lintAll(CASES);
  });

  it.each(FORBIDDEN_IN_CORE.map((line, index) => [line, index] as const))(
    "rejects %s in core/",
    (_line, index) => {
      expect(found[index]).toContain("no-restricted-imports");
    },
  );

  it("allows the same import outside core/", () => {
    expect(found[FORBIDDEN_IN_CORE.length]).not.toContain("no-restricted-imports");
  });

  it("allows zod and relative imports in core/", () => {
    expect(found[FORBIDDEN_IN_CORE.length + 1]).toEqual([]);
  });

  it("lets scripts/ reach the core through core/index.ts only", () => {
    expect(found[FORBIDDEN_IN_CORE.length + 2]).toEqual(["no-restricted-imports"]);
    expect(found[FORBIDDEN_IN_CORE.length + 3]).toEqual([]);
  });
});
