import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettierConfig from "eslint-config-prettier";

const forbiddenInCore = [
  { group: ["exceljs", "exceljs/*"], message: "core/ is pure: read workbooks in scripts/xlsx/." },
  {
    group: ["@microsoft/office-js", "office-js", "office-addin-*"],
    message: "core/ is pure: Office.js lives in addin/office/.",
  },
  {
    group: ["@microsoft/microsoft-graph-client", "@microsoft/microsoft-graph-client/*", "@azure/*"],
    message: "core/ is pure: Graph lives in scripts/graph/.",
  },
  {
    group: [
      "node:*",
      "fs",
      "fs/*",
      "path",
      "os",
      "child_process",
      "worker_threads",
      "crypto",
      "stream",
      "http",
      "https",
      "url",
      "util",
      "zlib",
    ],
    message: "core/ is pure: no node I/O.",
  },
  { group: ["react", "react-dom", "react/*", "@fluentui/*"], message: "core/ is pure: UI lives in addin/." },
];

// The workbook reader runs in the browser pane as in the CLI: nothing of Node may reach it.
const nodeOnlyGlobals = [
  "Buffer",
  "process",
  "require",
  "__dirname",
  "__filename",
  "global",
  "setImmediate",
].map((name) => ({ name, message: "xlsx-read/ runs in browsers too: no Node globals." }));

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "node_modules/**",
      "coverage/**",
      "templates/**",
      "test-output/**",
      "**/*.js",
      "**/*.mjs",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettierConfig,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The core has one door: everything outside it imports core/index.ts only.
    files: ["scripts/**/*.ts", "bench/**/*.ts", "addin/**/*.ts", "addin/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "(^|/)core/(?!index$).+",
              message: "Import the core through core/index.ts, its one public surface.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["core/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: forbiddenInCore }] },
  },
  {
    files: ["xlsx-read/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", ...nodeOnlyGlobals],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...forbiddenInCore
              .filter((entry) => entry.message.includes("node"))
              .map((entry) => ({
                ...entry,
                message: "xlsx-read/ runs in browsers too: no Node modules (inflate is injected).",
              })),
            {
              group: ["exceljs", "exceljs/*", "yauzl", "fflate"],
              message: "xlsx-read/ takes its inflate injected.",
            },
            {
              regex: "(^|/)core/(?!index$).+",
              message: "Import the core through core/index.ts, its one public surface.",
            },
          ],
        },
      ],
    },
  },
);
