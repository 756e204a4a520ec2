import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { parse } from "acorn";
import { CORPUS, VALID_CASES } from "../fixtures/bad/cases";
import { FIXTURE_CONFIG } from "../fixtures/make-fixtures";
import { hostFromExcelJs } from "../addin/host-from-exceljs";
import { describeWithTool } from "../support/tools";
import { launchChromium } from "./browser";
import { fakeOfficeJs, hostJsonOf } from "./fake-office";
import { serveFolder } from "./serve";
import { dropFile } from "./drop-file";

/**
 * The production build of the add-in, served on localhost and driven in headless Chromium:
 * (a) standalone mode, office.js unreachable: dropped files are checked in the browser;
 * (b) the pane inside a fake Excel host served in place of office.js: Kiểm tra lists the
 * problems, and clicking one selects its cell in the host. Screenshots go to test/artifacts/.
 */

const ROOT = join(__dirname, "..", "..");
const BUILD = join(ROOT, "dist-addin");
const ARTIFACTS = join(ROOT, "test", "artifacts");
const OFFICE_JS = "https://appsforoffice.microsoft.com/**";
const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } } as const;

function corpusCase(file: string) {
  const found = [...CORPUS, ...VALID_CASES].find((candidate) => candidate.file === file);
  if (!found || "committed" in found.source) throw new Error(`no built corpus case ${file}`);
  return { ...found, build: found.source.build };
}

/**
 * axe-core (the engine; @axe-core/playwright wants Node 22) run in the page: the serious and
 * critical violations, as "rule: target" lines (none expected).
 */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(" ")}`));
  });
}

async function screenshots(page: Page, name: string): Promise<void> {
  for (const [label, size] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(ARTIFACTS, `addin-${name}-${label}.png`), fullPage: true });
  }
}

/** Drops bytes on the drop zone as a browser does when a file is dragged from the desktop. */
async function listedProblems(page: Page): Promise<string[]> {
  await page.waitForSelector('[data-testid="results"]');
  return (
    await page
      .locator('[data-testid="problem"]')
      .evaluateAll((nodes) =>
        nodes.map(
          (node) =>
            `${node.getAttribute("data-code")} ${node.getAttribute("data-sheet")}!${node.getAttribute("data-cell")}`,
        ),
      )
  ).sort();
}

async function blankTemplateHostJson(): Promise<string> {
  const host = await hostFromExcelJs(await corpusCase("blank-template.xlsx").build());
  if (host === null) throw new Error("exceljs could not load the blank template");
  return hostJsonOf(host);
}

interface HostState {
  activeSheet: string | null;
  selection: string | null;
  sheets: { name: string; protection?: unknown; conditionalFormats: { range: string }[] }[];
}

function hostState(page: Page): Promise<HostState> {
  return page.evaluate(() => {
    const host = (window as unknown as { __thiduaHost: HostState }).__thiduaHost;
    return JSON.parse(
      JSON.stringify({ ...host, sheets: host.sheets.map((s) => ({ ...s, cells: [] })) }),
    ) as HostState;
  });
}

describeWithTool("chromium", "the add-in in headless Chromium", () => {
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let server: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    const build = spawnSync(process.execPath, [join(ROOT, "addin", "build-addin.js")], {
      cwd: ROOT,
      encoding: "utf8",
    });
    if (build.status !== 0) throw new Error(`build:addin failed:\n${build.stdout}\n${build.stderr}`);
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await serveFolder(BUILD, { "/config.json": JSON.stringify(FIXTURE_CONFIG) });
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  describe("standalone mode (office.js unreachable)", () => {
    let page: Page;

    beforeEach(async () => {
      page = await browser.context.newPage();
      await page.route(OFFICE_JS, (route) => route.abort());
      await page.goto(`${server.url}taskpane.html`);
      await page.waitForSelector('[data-testid="pane"][data-mode="standalone"]');
    });

    afterEach(() => page.close());

    it("the empty state reads well (axe-core: no serious or critical violation)", async () => {
      expect(await seriousViolations(page)).toEqual([]);
      await screenshots(page, "empty");
    });

    it("lists each expected problem of a dropped file with its cell", async () => {
      const blank = corpusCase("blank-template.xlsx");

      await dropFile(page, blank.file, await blank.build(), {
        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        waitForResults: false,
      });

      expect(await listedProblems(page)).toEqual(
        blank.expect.map((problem) => `${problem.code} ${problem.sheet ?? ""}!${problem.cell ?? ""}`).sort(),
      );
      // Problem lines at full contrast (WCAG AA), not a disabled control's grey.
      expect(await seriousViolations(page)).toEqual([]);
      expect(
        await page
          .locator('[data-testid="problem"]')
          .first()
          .evaluate((node) => getComputedStyle(node).color),
      ).toBe("rgb(36, 36, 36)");
      await screenshots(page, "invalid");
    });

    it("shows the ready state for a valid file", async () => {
      const valid = corpusCase("kh-valid.xlsx");

      await dropFile(page, valid.file, await valid.build(), { type: "", waitForResults: false });

      await page.waitForSelector('[data-testid="ready"]');
      expect(await page.locator('[data-testid="problem"]').count()).toBe(0);
      expect(await page.locator('[data-testid="ready"]').innerText()).toContain("Sẵn sàng gửi");
      expect(await seriousViolations(page)).toEqual([]);
      await screenshots(page, "ready");
    });

    it("refuses a PDF clearly", async () => {
      const pdf = corpusCase("pdf-renamed.xlsx");

      await dropFile(page, "bao-cao.pdf", await pdf.build(), {
        type: "application/pdf",
        waitForResults: false,
      });

      const refusal = page.locator('[data-testid="refused"]');
      await refusal.waitFor();
      expect(await refusal.getAttribute("data-code")).toBe("FILE_NOT_ZIP");
      const text = await refusal.innerText();
      expect(text).toContain("Không đọc được tệp này");
      expect(text).toContain("tệp pdf");
      await screenshots(page, "standalone-pdf");
    });
  });

  it("never hangs when office.js never answers: standalone mode after the timeout", async () => {
    const page = await browser.context.newPage();
    // Held forever: neither answered nor refused, as behind a firewall that drops packets.
    await page.route(OFFICE_JS, () => undefined);
    try {
      await page.goto(`${server.url}taskpane.html`, { waitUntil: "commit" });

      await page.waitForSelector('[data-testid="pane"][data-mode="standalone"]', { timeout: 20_000 });
      expect(await page.locator('[data-testid="dropzone"]').count()).toBe(1);
    } finally {
      await page.close();
    }
  });

  it("the built bundle parses at ES2017, the level of the oldest webview the manifest's floor admits", () => {
    const bundle = readdirSync(BUILD).find((name) => /^taskpane\.[0-9a-f]+\.js$/.test(name));
    if (bundle === undefined) throw new Error("no bundle in dist-addin/");
    const source = readFileSync(join(BUILD, bundle), "utf8");

    // EdgeHTML 18 parses ES2017 and no later (webpack.config.js, ES_TARGET).
    expect(() => parse(source, { ecmaVersion: 2017, sourceType: "script" })).not.toThrow();
  });

  it.each([
    ["misses the built-ins the bundle needs (EdgeHTML)", "flatMap"],
    ["cannot parse the bundle", "syntax"],
  ])("where the webview %s, an ES5 message in Vietnamese gives the standalone address", async (_, how) => {
    const page = await browser.context.newPage();
    await page.route(OFFICE_JS, (route) => route.abort());
    if (how === "flatMap")
      await page.addInitScript(() => delete (Array.prototype as { flatMap?: unknown }).flatMap);
    else
      await page.route(/taskpane\.[0-9a-f]+\.js$/, (route) =>
        route.fulfill({
          contentType: "text/javascript",
          body: "const pane = { ...{ es2018: true } } ?? class { #x = 1 };\n)",
        }),
      );
    try {
      await page.goto(`${server.url}taskpane.html?from=excel`);

      const message = page.locator('[data-testid="unsupported"]');
      await message.waitFor();
      expect(await message.innerText()).toContain("không chạy được ngăn kiểm tra");
      expect(await page.locator('[data-testid="standalone-address"]').innerText()).toBe(
        `${server.url}taskpane.html`,
      );
      expect(await page.locator('[data-testid="pane"]').count()).toBe(0);
      await screenshots(page, `unsupported-${how}`);
    } finally {
      await page.close();
    }
  });

  it("switches to Excel mode when Office answers after the standalone verdict", async () => {
    const hostJson = await blankTemplateHostJson();
    const page = await browser.context.newPage();
    // Office ready 4.5 s after load: later than the pane's 3 s wait, as on a cold cache.
    await page.route(OFFICE_JS, (route) =>
      route.fulfill({ contentType: "text/javascript", body: fakeOfficeJs(hostJson, 4500) }),
    );
    try {
      await page.goto(`${server.url}taskpane.html`);
      await page.waitForSelector('[data-testid="pane"][data-mode="standalone"]');

      await page.waitForSelector('[data-testid="pane"][data-mode="excel"]', { timeout: 15_000 });
      expect(await page.locator('[data-testid="check"]').count()).toBe(1);
    } finally {
      await page.close();
    }
  });

  describe("inside a fake Excel host", () => {
    it("Kiểm tra lists the problems and clicking one selects its cell", async () => {
      const blank = corpusCase("blank-template.xlsx");
      const host = await hostFromExcelJs(await blank.build());
      if (host === null) throw new Error("exceljs could not load the blank template");
      const hostJson = hostJsonOf(host);
      const page = await browser.context.newPage();
      await page.route(OFFICE_JS, (route) =>
        route.fulfill({ contentType: "text/javascript", body: fakeOfficeJs(hostJson) }),
      );
      try {
        await page.goto(`${server.url}taskpane.html`);
        await page.waitForSelector('[data-testid="pane"][data-mode="excel"]');

        await page.click('[data-testid="check"]');

        expect(await listedProblems(page)).toEqual(
          blank.expect
            .map((problem) => `${problem.code} ${problem.sheet ?? ""}!${problem.cell ?? ""}`)
            .sort(),
        );
        const target = page.locator('[data-testid="problem"]:not([data-cell=""])').last();
        const sheet = await target.getAttribute("data-sheet");
        const cell = await target.getAttribute("data-cell");
        await target.click();
        await page.waitForFunction(
          (cell) =>
            (window as unknown as { __thiduaHost: { selection: string | null } }).__thiduaHost.selection ===
            cell,
          cell,
        );
        const selected = await page.evaluate(() => {
          const host = (
            window as unknown as { __thiduaHost: { activeSheet: string | null; selection: string | null } }
          ).__thiduaHost;
          return { sheet: host.activeSheet, cell: host.selection };
        });
        expect(selected).toEqual({ sheet, cell });
        expect(cell).toMatch(/^[A-Z]+\d+$/);
        await screenshots(page, "excel-problems");
      } finally {
        await page.close();
      }
    });

    it("marks the protected template's problem cells and protects its sheets again; Tab and Enter reach each problem", async () => {
      const hostJson = await blankTemplateHostJson();
      const page = await browser.context.newPage();
      await page.route(OFFICE_JS, (route) =>
        route.fulfill({ contentType: "text/javascript", body: fakeOfficeJs(hostJson) }),
      );
      try {
        await page.goto(`${server.url}taskpane.html`);
        await page.waitForSelector('[data-testid="pane"][data-mode="excel"]');
        await page.click('[data-testid="check"]');
        await page.waitForSelector('[data-testid="results"]');
        const before = await hostState(page);
        expect(before.sheets.filter((s) => s.protection !== undefined).length).toBeGreaterThan(0);

        await page.click('[data-testid="mark"]');

        await page.waitForSelector('[data-testid="notice"]');
        expect(await page.locator('[data-testid="notice"]').innerText()).toMatch(/^Đã đánh dấu \d+ ô\.$/);
        const marked = await hostState(page);
        expect(marked.sheets.map((s) => s.protection)).toEqual(before.sheets.map((s) => s.protection));
        expect(marked.sheets.every((s) => s.conditionalFormats.length <= 1)).toBe(true);
        expect(await seriousViolations(page)).toEqual([]);

        // Keyboard: Tab through the pane; every problem Excel can go to is a stop, and Enter opens it.
        const selectable = await page.locator('button[data-testid="problem"]').count();
        expect(selectable).toBeGreaterThan(0);
        const reached: string[] = [];
        await page.locator('[data-testid="check"]').focus();
        for (let i = 0; i < selectable + 20 && reached.length < selectable; i += 1) {
          await page.keyboard.press("Tab");
          const focused = await page.evaluate(() => {
            const element = document.activeElement as HTMLElement | null;
            return element?.dataset["testid"] === "problem"
              ? `${element.dataset["sheet"]}!${element.dataset["cell"]}`
              : null;
          });
          if (focused !== null) reached.push(focused);
        }
        expect(reached).toHaveLength(selectable);
        await page.keyboard.press("Enter");
        const last = reached.at(-1)!;
        await page.waitForFunction(
          (cell) => (window as unknown as { __thiduaHost: HostState }).__thiduaHost.selection === cell,
          last.split("!")[1],
        );
      } finally {
        await page.close();
      }
    });

    it("says where a problem went when its sheet was hidden since the check", async () => {
      const hostJson = await blankTemplateHostJson();
      const page = await browser.context.newPage();
      await page.route(OFFICE_JS, (route) =>
        route.fulfill({ contentType: "text/javascript", body: fakeOfficeJs(hostJson) }),
      );
      try {
        await page.goto(`${server.url}taskpane.html`);
        await page.waitForSelector('[data-testid="pane"][data-mode="excel"]');
        await page.click('[data-testid="check"]');
        const target = page.locator('button[data-testid="problem"]').first();
        const sheet = (await target.getAttribute("data-sheet"))!;
        await page.evaluate((name) => {
          const host = (
            window as unknown as { __thiduaHost: { sheets: { name: string; visibility: string }[] } }
          ).__thiduaHost;
          host.sheets.find((s) => s.name === name)!.visibility = "Hidden";
        }, sheet);

        await target.click();

        await page.waitForSelector('[data-testid="notice"]');
        expect(await page.locator('[data-testid="notice"]').innerText()).toContain(
          `Trang "${sheet}" đang bị ẩn`,
        );
      } finally {
        await page.close();
      }
    });
  });
});
