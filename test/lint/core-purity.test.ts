import { spawnSync } from "node:child_process";
import { join } from "node:path";

const root = join(__dirname, "..", "..");

/** Lints a text as if it were the file at `path`; ESLint runs in its own process (its config loads by dynamic import). */
async function lintAs(path: string, code: string): Promise<string[]> {
  const run = spawnSync(
    process.execPath,
    [
      join(root, "node_modules", "eslint", "bin", "eslint.js"),
      "--stdin",
      "--stdin-filename",
      path,
      "--format",
      "json",
    ],
    { cwd: root, input: code, encoding: "utf8" },
  );
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe("core/ stays pure (ESLint)", () => {
  it.each([
    ['import ExcelJS from "exceljs";'],
    ['import { readFile } from "node:fs/promises";'],
    ['import { readFile } from "fs";'],
    ['import { Client } from "@microsoft/microsoft-graph-client";'],
    ['import { DefaultAzureCredential } from "@azure/identity";'],
    ['import React from "react";'],
  ])("rejects %s in core/", async (line) => {
    expect(await lintAs("core/example.ts", `${line}\nexport const used = 1;\n`)).toContain(
      "no-restricted-imports",
    );
  });

  it("allows the same import outside core/", async () => {
    expect(
      await lintAs(
        "scripts/example.ts",
        'import { readFile } from "node:fs/promises";\nexport const used = readFile;\n',
      ),
    ).not.toContain("no-restricted-imports");
  });

  it("allows zod and relative imports in core/", async () => {
    expect(
      await lintAs(
        "core/example.ts",
        'import { z } from "zod";\nimport { CONTENTS } from "./catalogue/contents";\nexport const used = [z, CONTENTS];\n',
      ),
    ).toEqual([]);
  });
});
