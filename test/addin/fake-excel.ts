/// <reference types="office-js" />

// No import: the end-to-end test transpiles this file and runs it inside the browser page.
function columnNumberToLetter(column: number): string {
  let letters = "";
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26))
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

function parseA1(address: string): { row: number; columnNumber: number } | null {
  const match = /^([A-Z]{1,3})(\d+)$/.exec(address);
  if (!match) return null;
  let columnNumber = 0;
  for (const letter of match[1]!) columnNumber = columnNumber * 26 + letter.charCodeAt(0) - 64;
  return { row: Number(match[2]), columnNumber };
}

/**
 * A fake of the few Excel objects addin/office/ uses, faithful to Office.js's batching: calls are
 * queued and take effect at `context.sync()`, loaded properties can be read only after it, and
 * reading one before throws as Office.js does. It counts the syncs and records what was
 * selected and every conditional format, so tests can see exactly what the add-in touched.
 */

export interface FakeCell {
  /** As Excel returns it: numbers for dates (serials) and percents (fractions). */
  readonly value: string | number | boolean;
  readonly valueType: "String" | "Double" | "Boolean" | "Error" | "Empty";
  readonly numberFormat?: string;
  /** "=SUM(A1:A3)" for a formula cell. */
  readonly formula?: string;
  /** The cell's own fill, which the add-in must never change. */
  readonly fill?: string;
}

export interface FakeConditionalFormat {
  readonly range: string;
  readonly type: string;
  formula: string;
  fill: string | null;
  font: string | null;
}

export interface FakeSheet {
  readonly name: string;
  readonly visibility: "Visible" | "Hidden" | "VeryHidden";
  readonly cells: Map<string, FakeCell>;
  readonly merges: string[];
  readonly conditionalFormats: FakeConditionalFormat[];
}

export interface FakeWorkbook {
  readonly sheets: FakeSheet[];
  readonly date1904: boolean;
  /** The sheet and cell last activated and selected. */
  activeSheet: string | null;
  selection: string | null;
}

class NotLoadedError extends Error {
  constructor(what: string) {
    super(`PropertyNotLoaded: ${what} read before context.sync()`);
  }
}

class FakeContext {
  syncs = 0;
  private readonly queue: (() => void)[] = [];
  readonly workbook: FakeWorkbookProxy;

  constructor(readonly host: FakeWorkbook) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  enqueue(action: () => void): void {
    this.queue.push(action);
  }

  async sync(): Promise<void> {
    this.syncs += 1;
    // Loads queued while resolving (a collection's items) belong to the same round trip.
    for (let action = this.queue.shift(); action !== undefined; action = this.queue.shift()) action();
  }
}

/** A proxy whose properties exist only once a sync has resolved them. */
class Loadable {
  private loaded: Record<string, unknown> | null = null;
  isNullObject = false;

  protected resolveWith(values: Record<string, unknown> | null): void {
    if (values === null) this.isNullObject = true;
    this.loaded = values ?? {};
  }

  protected read<T>(key: string): T {
    if (this.loaded === null || !(key in this.loaded)) throw new NotLoadedError(key);
    return this.loaded[key] as T;
  }
}

function bounds(
  cells: Map<string, FakeCell>,
): { top: number; left: number; bottom: number; right: number } | null {
  let box: { top: number; left: number; bottom: number; right: number } | null = null;
  for (const address of cells.keys()) {
    const cell = parseA1(address);
    if (!cell) continue;
    box = box
      ? {
          top: Math.min(box.top, cell.row),
          left: Math.min(box.left, cell.columnNumber),
          bottom: Math.max(box.bottom, cell.row),
          right: Math.max(box.right, cell.columnNumber),
        }
      : { top: cell.row, left: cell.columnNumber, bottom: cell.row, right: cell.columnNumber };
  }
  return box;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

class FakeRangeAreas extends Loadable {
  constructor(
    private readonly context: FakeContext,
    private readonly resolveSheet: () => FakeSheet | null,
    private readonly resolveUsed: () => boolean,
  ) {
    super();
  }
  load(): this {
    this.context.enqueue(() => {
      const sheet = this.resolveSheet();
      if (sheet === null || !this.resolveUsed() || sheet.merges.length === 0) return this.resolveWith(null);
      this.resolveWith({
        address: sheet.merges.map((range) => `${quoteSheet(sheet.name)}!${range}`).join(","),
      });
    });
    return this;
  }
  get address(): string {
    return this.read("address");
  }
}

class FakeConditionalFormatProxy extends Loadable {
  readonly custom: {
    rule: { formula: string; load: (what: string) => void };
    format: { fill: { color: string }; font: { color: string } };
  };
  constructor(
    private readonly context: FakeContext,
    private readonly target: () => { sheet: FakeSheet; format: FakeConditionalFormat },
  ) {
    super();
    const resolveTarget = (): { sheet: FakeSheet; format: FakeConditionalFormat } => this.target();
    const ruleState: { formula?: string; loaded: boolean } = { loaded: false };
    this.custom = {
      rule: {
        get formula(): string {
          if (!ruleState.loaded) throw new NotLoadedError("custom.rule.formula");
          return ruleState.formula ?? "";
        },
        set formula(value: string) {
          context.enqueue(() => (resolveTarget().format.formula = value));
        },
        load() {
          context.enqueue(() => {
            ruleState.formula = resolveTarget().format.formula;
            ruleState.loaded = true;
          });
        },
      },
      format: {
        fill: {
          set color(value: string) {
            context.enqueue(() => (resolveTarget().format.fill = value));
          },
          get color(): string {
            throw new NotLoadedError("fill.color");
          },
        },
        font: {
          set color(value: string) {
            context.enqueue(() => (resolveTarget().format.font = value));
          },
          get color(): string {
            throw new NotLoadedError("font.color");
          },
        },
      },
    };
  }
  loadType(): void {
    this.context.enqueue(() => this.resolveWith({ type: this.target().format.type }));
  }
  get type(): string {
    return this.read("type");
  }
  delete(): void {
    this.context.enqueue(() => {
      const { sheet, format } = this.target();
      sheet.conditionalFormats.splice(sheet.conditionalFormats.indexOf(format), 1);
    });
  }
}

class FakeConditionalFormats {
  private loadedItems: FakeConditionalFormatProxy[] | null = null;
  constructor(
    private readonly context: FakeContext,
    private readonly resolveSheet: () => FakeSheet,
    private readonly address: string | null,
  ) {}
  add(type: string): FakeConditionalFormatProxy {
    let created: FakeConditionalFormat | null = null;
    this.context.enqueue(() => {
      created = { range: this.address ?? "", type, formula: "", fill: null, font: null };
      this.resolveSheet().conditionalFormats.push(created);
    });
    return new FakeConditionalFormatProxy(this.context, () => {
      if (created === null) throw new Error("conditional format used before it was added");
      return { sheet: this.resolveSheet(), format: created };
    });
  }
  load(what: string): void {
    if (what !== "items/type")
      throw new Error(`the fake loads conditional formats by items/type only, not ${what}`);
    this.context.enqueue(() => {
      const sheet = this.resolveSheet();
      this.loadedItems = sheet.conditionalFormats.map((format) => {
        const proxy = new FakeConditionalFormatProxy(this.context, () => ({ sheet, format }));
        proxy.loadType();
        return proxy;
      });
    });
  }
  get items(): FakeConditionalFormatProxy[] {
    if (this.loadedItems === null) throw new NotLoadedError("conditionalFormats.items");
    return this.loadedItems;
  }
}

class FakeRange extends Loadable {
  constructor(
    private readonly context: FakeContext,
    private readonly resolveSheet: () => FakeSheet | null,
    /** null: the used range (values only); "": the whole sheet. */
    private readonly address: string | null,
  ) {
    super();
  }

  get conditionalFormats(): FakeConditionalFormats {
    return new FakeConditionalFormats(
      this.context,
      () => {
        const sheet = this.resolveSheet();
        if (sheet === null) throw new Error("ItemNotFound");
        return sheet;
      },
      this.address,
    );
  }

  load(): this {
    this.context.enqueue(() => {
      const sheet = this.resolveSheet();
      const box = sheet === null ? null : bounds(sheet.cells);
      if (sheet === null || box === null) return this.resolveWith(null);
      const rows = (fill: (address: string, cell: FakeCell | undefined) => unknown) =>
        Array.from({ length: box.bottom - box.top + 1 }, (_, r) =>
          Array.from({ length: box.right - box.left + 1 }, (_, c) => {
            const address = `${columnNumberToLetter(box.left + c)}${box.top + r}`;
            return fill(address, sheet.cells.get(address));
          }),
        );
      this.resolveWith({
        rowIndex: box.top - 1,
        columnIndex: box.left - 1,
        values: rows((_, cell) => cell?.value ?? ""),
        valueTypes: rows((_, cell) => cell?.valueType ?? "Empty"),
        numberFormat: rows((_, cell) => cell?.numberFormat ?? "General"),
        formulas: rows((_, cell) => cell?.formula ?? cell?.value ?? ""),
      });
    });
    return this;
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, this.resolveSheet, () => {
      const sheet = this.resolveSheet();
      return sheet !== null && bounds(sheet.cells) !== null;
    });
  }
  select(): void {
    this.context.enqueue(() => {
      const sheet = this.resolveSheet();
      if (sheet === null || this.address === null) throw new Error("ItemNotFound");
      if (this.context.host.activeSheet !== sheet.name)
        throw new Error("select() on a sheet that is not active");
      this.context.host.selection = this.address;
    });
  }
}

class FakeWorksheet extends Loadable {
  constructor(
    private readonly context: FakeContext,
    readonly resolveSheet: () => FakeSheet | null,
  ) {
    super();
  }
  load(): this {
    this.context.enqueue(() => {
      const sheet = this.resolveSheet();
      this.resolveWith(sheet === null ? null : { name: sheet.name, visibility: sheet.visibility });
    });
    return this;
  }
  get name(): string {
    return this.read("name");
  }
  get visibility(): string {
    return this.read("visibility");
  }
  getNextOrNullObject(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const sheet = this.resolveSheet();
      if (sheet === null) return null;
      const sheets = this.context.host.sheets;
      return sheets[sheets.indexOf(sheet) + 1] ?? null;
    });
  }
  getUsedRangeOrNullObject(): FakeRange {
    return new FakeRange(this.context, this.resolveSheet, null);
  }
  getRange(address?: string): FakeRange {
    if (address !== undefined && parseA1(address) === null)
      throw new Error(`the fake takes single-cell addresses only, not ${address}`);
    return new FakeRange(this.context, this.resolveSheet, address ?? "");
  }
  activate(): void {
    this.context.enqueue(() => {
      const sheet = this.resolveSheet();
      if (sheet === null) throw new Error("ItemNotFound");
      this.context.host.activeSheet = sheet.name;
    });
  }
}

class FakeWorksheets {
  private loadedItems: FakeWorksheet[] | null = null;
  constructor(private readonly context: FakeContext) {}
  load(): void {
    this.context.enqueue(() => {
      this.loadedItems = this.context.host.sheets.map((sheet) => {
        const proxy = new FakeWorksheet(this.context, () => sheet);
        proxy.load();
        return proxy;
      });
    });
  }
  get items(): FakeWorksheet[] {
    if (this.loadedItems === null) throw new NotLoadedError("worksheets.items");
    return this.loadedItems;
  }
  getFirst(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.host.sheets[0] ?? null);
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const sheet = this.context.host.sheets.find((candidate) => candidate.name === name);
      if (!sheet) throw new Error(`ItemNotFound: ${name}`);
      return sheet;
    });
  }
}

class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheets;
  readonly functions: { date(year: number, month: number, day: number): { load(): void; value: number } };
  constructor(context: FakeContext) {
    this.worksheets = new FakeWorksheets(context);
    this.functions = {
      date(year, month, day) {
        let value: number | null = null;
        return {
          load() {
            context.enqueue(() => {
              const serial1900 = (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000;
              value = context.host.date1904 ? serial1900 - 1462 : serial1900;
            });
          },
          get value(): number {
            if (value === null) throw new NotLoadedError("FunctionResult.value");
            return value;
          },
        };
      },
    };
  }
}

/** A fresh request context on the host, typed as the add-in sees it. */
export function createContext(host: FakeWorkbook): Excel.RequestContext & { readonly syncs: number } {
  return new FakeContext(host) as unknown as Excel.RequestContext & { readonly syncs: number };
}

export function sheetOf(host: FakeWorkbook, name: string): FakeSheet {
  const sheet = host.sheets.find((candidate) => candidate.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}
