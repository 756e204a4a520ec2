import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import type { FakeWorkbook } from "../addin/fake-excel";

/**
 * office.js replaced by a fake Excel (test/addin/fake-excel.ts, transpiled into the page) whose
 * workbook is `host`: Excel.run over its cells, and Office.context.document.getFileAsync over its
 * savedBytes (the file as last saved). The page sees the host as `window.__thiduaHost`.
 */

/** The host as JSON for the page: cells as entries, the saved bytes as base64. */
export function hostJsonOf(host: FakeWorkbook): string {
  const { savedBytes, ...rest } = host;
  return JSON.stringify({
    ...rest,
    sheets: host.sheets.map((sheet) => ({ ...sheet, cells: [...sheet.cells] })),
    savedBase64: savedBytes === undefined ? null : Buffer.from(savedBytes).toString("base64"),
  });
}

/** The fake's script: served in place of office.js, or added before the page's own scripts. */
export function fakeOfficeJs(hostJson: string, readyAfterMs = 0): string {
  const source = ts.transpileModule(readFileSync(join(__dirname, "..", "addin", "fake-excel.ts"), "utf8"), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  return `(() => {
    const module = { exports: {} }; const exports = module.exports;
    ${source}
    const fake = module.exports;
    const data = ${hostJson};
    const { savedBase64, ...rest } = data;
    const host = { ...rest, sheets: data.sheets.map((sheet) => ({ ...sheet, cells: new Map(sheet.cells) })) };
    if (typeof savedBase64 === "string")
      host.savedBytes = Uint8Array.from(atob(savedBase64), (char) => char.charCodeAt(0));
    window.__thiduaHost = host;
    window.Office = {
      HostType: { Excel: "Excel" },
      // office.js's runtime values (Microsoft.Office.WebExtension.FileType, AsyncResultStatus).
      FileType: { Text: "text", Compressed: "compressed", Pdf: "pdf" },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      onReady: () =>
        new Promise((resolve) => setTimeout(() => resolve({ host: "Excel", platform: "PC" }), ${readyAfterMs})),
      context: {
        requirements: { isSetSupported: (name, version) => fake.isSetSupported(host, name, version) },
        document: fake.createDocument(host),
      },
    };
    window.Excel = { run: async (_options, batch) => batch(fake.createContext(host)) };
  })();`;
}
