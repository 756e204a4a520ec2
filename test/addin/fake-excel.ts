/// <reference types="office-js" />

// No import: the end-to-end test transpiles this file and runs it inside the browser page.
function columnNumberToLetter(column: number): string {
  let letters = "";
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26))
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

function columnLetterToNumber(letters: string): number {
  let columnNumber = 0;
  for (const letter of letters) columnNumber = columnNumber * 26 + letter.charCodeAt(0) - 64;
  return columnNumber;
}

interface Box {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** "C5" or "C5:D9" (with or without $) → its box; null for anything else. */
function parseArea(address: string): Box | null {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(address.trim().toUpperCase());
  if (!match) return null;
  const left = columnLetterToNumber(match[1]!);
  const top = Number(match[2]);
  const right = match[3] ? columnLetterToNumber(match[3]) : left;
  const bottom = match[4] ? Number(match[4]) : top;
  return { top, left, bottom, right };
}

function inBox(row: number, column: number, box: Box): boolean {
  return row >= box.top && row <= box.bottom && column >= box.left && column <= box.right;
}

/**
 * A fake of the Excel objects addin/office/ uses, faithful to Office.js's batching and at least
 * as strict as Excel: calls are queued and take effect at `context.sync()`; a property can be
 * read only if it was named in a load() and a sync has resolved it; and each refusal below
 * follows a Microsoft page, cited where it is made. A sync that fails rejects with an error whose
 * `code` is Office.js's (OfficeExtension.Error.code), and none of its loads resolve. It counts the
 * syncs and the bytes of each response, and records the selection, every conditional format and
 * each sheet's protection, so tests can see exactly what the add-in touched.
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

export interface FakeProtection {
  protected: boolean;
  /** A password set by the officer; the add-in never knows it. */
  password: string | null;
  options: Record<string, boolean>;
}

export interface FakeSheet {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  readonly cells: Map<string, FakeCell>;
  readonly merges: string[];
  readonly conditionalFormats: FakeConditionalFormat[];
  protection?: FakeProtection;
}

export interface FakeWorkbook {
  readonly sheets: FakeSheet[];
  readonly date1904: boolean;
  /** The sheet and cell last activated and selected. */
  activeSheet: string | null;
  selection: string | null;
  /** "web" plays Excel on the web, with its 5 MB response limit. */
  platform?: "web" | "desktop";
  /**
   * The requirement sets this Excel supports, name → highest version (default DESKTOP_REQUIREMENT_SETS).
   * Office answers isSetSupported from it, and the fake refuses what a missing set leaves out.
   */
  requirementSets?: Readonly<Record<string, string>>;
  /** Bytes of each sync's response, in order (filled by the fake). */
  responses?: number[];
  /** The sheet of each range load that asked for formulas (filled by the fake). */
  rangeLoads?: string[];
  /**
   * The workbook's file as last SAVED: what Document.getFileAsync hands out. The cells above are
   * the live workbook, so a test makes unsaved edits by changing them and not these bytes.
   */
  savedBytes?: Uint8Array;
  /** Files getFileAsync handed out and closeAsync has not closed (kept by the fake). */
  openFiles?: number;
  /** Each Common API file call, in order: "open", "slice 0", "close" (kept by the fake). */
  fileCalls?: string[];
}

/**
 * Excel on the web refuses a request or response above 5 MB:
 * https://learn.microsoft.com/en-us/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
 */
export const WEB_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/**
 * getMergedAreasOrNullObject "will fail to return the result" above 512 merged areas:
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-getmergedareasornullobject-member(1)
 */
export const MERGED_AREAS_LIMIT = 512;

/** The `code` values are those of OfficeExtension.ErrorCodes / Excel.ErrorCodes. */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

function notLoaded(what: string): FakeOfficeError {
  // "You must call context.sync() before reading the properties", and only the loaded ones:
  // https://learn.microsoft.com/en-us/office/dev/add-ins/develop/application-specific-api-model#load
  return new FakeOfficeError("PropertyNotLoaded", `${what} was not loaded (load() then context.sync())`);
}

function itemNotFound(what: string): FakeOfficeError {
  // https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-error-handling (ItemNotFound)
  return new FakeOfficeError("ItemNotFound", `${what} does not exist`);
}

const ENCODER = new TextEncoder();

class FakeContext {
  syncs = 0;
  private queue: (() => void)[] = [];
  private staged: (() => void)[] = [];
  private stagedBytes = 0;
  readonly workbook: FakeWorkbookProxy;

  constructor(readonly host: FakeWorkbook) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  enqueue(action: () => void): void {
    this.queue.push(action);
  }

  /** A load's result: counted in the response's size, and readable only if the sync succeeds. */
  stage(values: Record<string, unknown> | null, commit: () => void): void {
    this.stagedBytes += values === null ? 4 : ENCODER.encode(JSON.stringify(values)).length;
    this.staged.push(commit);
  }

  async sync(): Promise<void> {
    this.syncs += 1;
    this.staged = [];
    this.stagedBytes = 0;
    const queue = this.queue;
    this.queue = [];
    try {
      // Commands run in order; loads queued while resolving (a collection's items) run too.
      for (let action = queue.shift(); action !== undefined; action = queue.shift() ?? this.queue.shift())
        action();
    } finally {
      this.queue = [];
    }
    (this.host.responses ??= []).push(this.stagedBytes);
    if (this.host.platform === "web" && this.stagedBytes > WEB_PAYLOAD_LIMIT_BYTES)
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `the response is ${this.stagedBytes} bytes, above Excel on the web's 5 MB`,
      );
    for (const commit of this.staged) commit();
  }
}

/** A proxy whose properties exist only once a sync has resolved the ones its load() named. */
class Loadable {
  private loaded: Record<string, unknown> | null = null;
  private nullObject = false;

  constructor(protected readonly context: FakeContext) {}

  /** `names` as Office.js takes them ("a,b" or ["a","b"]); none: every scalar property. */
  protected queueLoad(
    names: string | string[] | undefined,
    resolve: () => Record<string, unknown> | null,
  ): void {
    const list =
      names === undefined ? null : (Array.isArray(names) ? names : names.split(",")).map((n) => n.trim());
    this.context.enqueue(() => {
      const all = resolve();
      const picked =
        all === null || list === null
          ? all
          : Object.fromEntries(list.filter((name) => name in all).map((name) => [name, all[name]]));
      this.context.stage(picked, () => {
        this.nullObject = all === null;
        this.loaded = { ...(this.loaded ?? {}), ...(picked ?? {}) };
      });
    });
  }

  get isNullObject(): boolean {
    if (this.loaded === null) throw notLoaded("isNullObject");
    return this.nullObject;
  }

  protected read<T>(key: string): T {
    // Only the properties a load() named were resolved: `loaded` holds nothing else.
    if (this.loaded === null || !(key in this.loaded)) throw notLoaded(key);
    return this.loaded[key] as T;
  }
}

function bounds(cells: Map<string, FakeCell>): Box | null {
  let box: Box | null = null;
  for (const address of cells.keys()) {
    const cell = parseArea(address);
    if (!cell) continue;
    box = box
      ? {
          top: Math.min(box.top, cell.top),
          left: Math.min(box.left, cell.left),
          bottom: Math.max(box.bottom, cell.top),
          right: Math.max(box.right, cell.left),
        }
      : cell;
  }
  return box;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function requireSheet(resolveSheet: () => FakeSheet | null, what: string): FakeSheet {
  const sheet = resolveSheet();
  if (sheet === null) throw itemNotFound(what);
  return sheet;
}

/**
 * Conditional formats cannot be added to, changed on or deleted from a protected sheet unless
 * its protection allows formatting cells ("Format cells" covers the Conditional Formatting
 * dialog): https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-worksheets#data-protection
 * and https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheetprotectionoptions#excel-excel-worksheetprotectionoptions-allowformatcells-member
 */
function refuseIfProtected(sheet: FakeSheet): void {
  if (sheet.protection?.protected && !sheet.protection.options["allowFormatCells"])
    throw new FakeOfficeError("AccessDenied", `sheet "${sheet.name}" is protected: formats cannot change`);
}

class FakeRangeAreas extends Loadable {
  constructor(
    context: FakeContext,
    private readonly resolveSheet: () => FakeSheet | null,
    /** The areas' A1 text, or null when they do not exist (a null object). */
    private readonly resolveAreas: () => string[] | null,
    private readonly addressForFormats: string = "",
  ) {
    super(context);
  }
  load(names?: string | string[]): this {
    this.queueLoad(names, () => {
      const sheet = this.resolveSheet();
      const areas = sheet === null ? null : this.resolveAreas();
      if (sheet === null || areas === null || areas.length === 0) return null;
      const cellCount = areas.reduce((sum, area) => {
        const box = parseArea(area)!;
        return sum + (box.bottom - box.top + 1) * (box.right - box.left + 1);
      }, 0);
      return {
        address: areas.map((range) => `${quoteSheet(sheet.name)}!${range}`).join(","),
        areaCount: areas.length,
        cellCount,
      };
    });
    return this;
  }
  get address(): string {
    return this.read("address");
  }
  get cellCount(): number {
    return this.read("cellCount");
  }
  get conditionalFormats(): FakeConditionalFormats {
    return new FakeConditionalFormats(
      this.context,
      () => requireSheet(this.resolveSheet, "worksheet"),
      this.addressForFormats,
    );
  }
}

class FakeConditionalFormatProxy extends Loadable {
  readonly custom: {
    rule: { formula: string; load: (what: string) => void };
    format: { fill: { color: string }; font: { color: string } };
  };
  constructor(
    context: FakeContext,
    private readonly target: () => { sheet: FakeSheet; format: FakeConditionalFormat },
  ) {
    super(context);
    const resolveTarget = (): { sheet: FakeSheet; format: FakeConditionalFormat } => this.target();
    const change = (apply: (format: FakeConditionalFormat) => void) =>
      context.enqueue(() => {
        const { sheet, format } = resolveTarget();
        refuseIfProtected(sheet);
        apply(format);
      });
    const ruleState: { formula?: string; loaded: boolean } = { loaded: false };
    this.custom = {
      rule: {
        get formula(): string {
          if (!ruleState.loaded) throw notLoaded("custom.rule.formula");
          return ruleState.formula ?? "";
        },
        set formula(value: string) {
          change((format) => (format.formula = value));
        },
        load() {
          context.enqueue(() => {
            const { format } = resolveTarget();
            // Only a custom format has a custom rule.
            if (format.type !== "Custom")
              throw new FakeOfficeError("InvalidOperation", "not a custom format");
            const formula = format.formula;
            context.stage({ formula }, () => {
              ruleState.formula = formula;
              ruleState.loaded = true;
            });
          });
        },
      },
      format: {
        fill: {
          set color(value: string) {
            change((format) => (format.fill = value));
          },
          get color(): string {
            throw notLoaded("fill.color");
          },
        },
        font: {
          set color(value: string) {
            change((format) => (format.font = value));
          },
          get color(): string {
            throw notLoaded("font.color");
          },
        },
      },
    };
  }
  loadType(): void {
    this.queueLoad(["type"], () => ({ type: this.target().format.type }));
  }
  get type(): string {
    return this.read("type");
  }
  delete(): void {
    this.context.enqueue(() => {
      const { sheet, format } = this.target();
      refuseIfProtected(sheet);
      const index = sheet.conditionalFormats.indexOf(format);
      if (index < 0) throw itemNotFound("conditional format");
      sheet.conditionalFormats.splice(index, 1);
    });
  }
}

class FakeConditionalFormats {
  private loadedItems: FakeConditionalFormatProxy[] | null = null;
  constructor(
    private readonly context: FakeContext,
    private readonly resolveSheet: () => FakeSheet,
    private readonly address: string,
  ) {}
  add(type: string): FakeConditionalFormatProxy {
    let created: FakeConditionalFormat | null = null;
    this.context.enqueue(() => {
      const sheet = this.resolveSheet();
      refuseIfProtected(sheet);
      created = { range: this.address, type, formula: "", fill: null, font: null };
      sheet.conditionalFormats.push(created);
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
      const items = sheet.conditionalFormats.map((format) => {
        const proxy = new FakeConditionalFormatProxy(this.context, () => ({ sheet, format }));
        proxy.loadType();
        return proxy;
      });
      this.context.stage({ count: items.length }, () => (this.loadedItems = items));
    });
  }
  get items(): FakeConditionalFormatProxy[] {
    if (this.loadedItems === null) throw notLoaded("conditionalFormats.items");
    return this.loadedItems;
  }
}

class FakeRange extends Loadable {
  constructor(
    context: FakeContext,
    private readonly resolveSheet: () => FakeSheet | null,
    /** The range's box on its sheet, null for a null object (an empty used range). */
    private readonly resolveBox: (sheet: FakeSheet) => Box | null,
    /** The address the range was asked by, for select() and conditional formats. */
    private readonly address: string,
  ) {
    super(context);
  }

  private box(): { sheet: FakeSheet; box: Box } | null {
    const sheet = this.resolveSheet();
    const box = sheet === null ? null : this.resolveBox(sheet);
    return sheet === null || box === null ? null : { sheet, box };
  }

  get conditionalFormats(): FakeConditionalFormats {
    return new FakeConditionalFormats(
      this.context,
      () => requireSheet(this.resolveSheet, "worksheet"),
      this.address,
    );
  }

  load(names?: string | string[]): this {
    this.queueLoad(names, () => {
      const found = this.box();
      if (found === null) return null;
      const { sheet, box } = found;
      const wanted = names === undefined ? null : String(names);
      const rows = (fill: (cell: FakeCell | undefined) => unknown) =>
        Array.from({ length: box.bottom - box.top + 1 }, (_, r) =>
          Array.from({ length: box.right - box.left + 1 }, (_, c) =>
            fill(sheet.cells.get(`${columnNumberToLetter(box.left + c)}${box.top + r}`)),
          ),
        );
      // Only what was asked is computed (and counted in the response's size).
      const asked = (name: string) => wanted === null || wanted.split(",").some((n) => n.trim() === name);
      const values: Record<string, unknown> = {
        address: `${quoteSheet(sheet.name)}!${columnNumberToLetter(box.left)}${box.top}:${columnNumberToLetter(box.right)}${box.bottom}`,
        rowIndex: box.top - 1,
        columnIndex: box.left - 1,
        rowCount: box.bottom - box.top + 1,
        columnCount: box.right - box.left + 1,
      };
      if (asked("values")) values["values"] = rows((cell) => cell?.value ?? "");
      if (asked("valueTypes")) values["valueTypes"] = rows((cell) => cell?.valueType ?? "Empty");
      if (asked("numberFormat")) values["numberFormat"] = rows((cell) => cell?.numberFormat ?? "General");
      if (asked("formulas")) (this.context.host.rangeLoads ??= []).push(sheet.name);
      if (asked("formulas")) values["formulas"] = rows((cell) => cell?.formula ?? cell?.value ?? "");
      return values;
    });
    return this;
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
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
      const found = this.box();
      if (found === null) return null;
      const inside = found.sheet.merges.filter((merge) => {
        const area = parseArea(merge);
        return area !== null && inBox(area.top, area.left, found.box);
      });
      if (inside.length > MERGED_AREAS_LIMIT)
        throw new FakeOfficeError(
          "GeneralException",
          `${inside.length} merged areas, above ${MERGED_AREAS_LIMIT}`,
        );
      return inside;
    });
  }
  getSpecialCellsOrNullObject(cellType: string): FakeRangeAreas {
    if (cellType !== "Formulas") throw new Error(`the fake finds formula cells only, not ${cellType}`);
    return new FakeRangeAreas(this.context, this.resolveSheet, () => {
      const found = this.box();
      if (found === null) return null;
      return [...found.sheet.cells]
        .filter(([address, cell]) => {
          const at = parseArea(address);
          return cell.formula !== undefined && at !== null && inBox(at.top, at.left, found.box);
        })
        .map(([address]) => address);
    });
  }
  select(): void {
    this.context.enqueue(() => {
      const sheet = requireSheet(this.resolveSheet, "worksheet");
      if (parseArea(this.address) === null) throw new FakeOfficeError("InvalidArgument", this.address);
      if (this.context.host.activeSheet !== sheet.name)
        throw new FakeOfficeError("InvalidOperation", "select() on a sheet that is not active");
      this.context.host.selection = this.address;
    });
  }
}

class FakeProtectionProxy extends Loadable {
  constructor(
    context: FakeContext,
    private readonly resolveSheet: () => FakeSheet | null,
  ) {
    super(context);
  }
  load(names?: string | string[]): this {
    this.queueLoad(names, () => {
      const sheet = requireSheet(this.resolveSheet, "worksheet");
      return {
        protected: sheet.protection?.protected ?? false,
        options: { ...(sheet.protection?.options ?? {}) },
      };
    });
    return this;
  }
  get protected(): boolean {
    return this.read("protected");
  }
  get options(): Excel.WorksheetProtectionOptions {
    return this.read("options");
  }
  /** "Fails if the worksheet has already been protected":
   * https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheetprotection#excel-excel-worksheetprotection-protect-member(1) */
  protect(options?: Record<string, boolean>, password?: string): void {
    this.context.enqueue(() => {
      const sheet = requireSheet(this.resolveSheet, "worksheet");
      if (sheet.protection?.protected) throw new FakeOfficeError("InvalidOperation", "already protected");
      sheet.protection = { protected: true, password: password ?? null, options: { ...(options ?? {}) } };
    });
  }
  /**
   * A sheet protected with a password is unprotected only with it: Office.js has no prompt, and
   * tells a password-protected sheet apart (isPasswordProtected, checkPassword):
   * https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheetprotection#excel-excel-worksheetprotection-unprotect-member(1)
   */
  unprotect(password?: string): void {
    this.context.enqueue(() => {
      const sheet = requireSheet(this.resolveSheet, "worksheet");
      const protection = sheet.protection;
      if (!protection?.protected) return;
      if (protection.password !== null && protection.password !== password)
        throw new FakeOfficeError("InvalidArgument", `sheet "${sheet.name}": wrong or missing password`);
      sheet.protection = { ...protection, protected: false, password: null };
    });
  }
}

class FakeWorksheet extends Loadable {
  readonly protection: FakeProtectionProxy;
  constructor(
    context: FakeContext,
    readonly resolveSheet: () => FakeSheet | null,
  ) {
    super(context);
    this.protection = new FakeProtectionProxy(context, resolveSheet);
  }
  load(names?: string | string[]): this {
    this.queueLoad(names, () => {
      const sheet = this.resolveSheet();
      return sheet === null ? null : { name: sheet.name, visibility: sheet.visibility };
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
    return new FakeRange(this.context, this.resolveSheet, (sheet) => bounds(sheet.cells), "");
  }
  getRange(address?: string): FakeRange {
    if (address === undefined) return new FakeRange(this.context, this.resolveSheet, () => null, "");
    const box = parseArea(address);
    if (box === null) throw new Error(`the fake takes A1 addresses only, not ${address}`);
    return new FakeRange(this.context, this.resolveSheet, () => box, address);
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    const box = {
      top: startRow + 1,
      left: startColumn + 1,
      bottom: startRow + rowCount,
      right: startColumn + columnCount,
    };
    return new FakeRange(this.context, this.resolveSheet, () => box, "");
  }
  /** "C5, D7:D9" → several areas (ExcelApi 1.9). */
  getRanges(address: string): FakeRangeAreas {
    const areas = address.split(/[,;]/).map((area) => area.trim());
    if (areas.some((area) => parseArea(area) === null))
      throw new Error(`the fake takes A1 areas only, not ${address}`);
    return new FakeRangeAreas(this.context, this.resolveSheet, () => areas, areas.join(","));
  }
  /**
   * Only a visible sheet can be activated: Excel cannot show a hidden or very hidden one
   * ("Activate the worksheet in the Excel UI"), and a missing one is ItemNotFound:
   * https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheet#excel-excel-worksheet-activate-member(1)
   * https://learn.microsoft.com/en-us/javascript/api/excel/excel.sheetvisibility
   */
  activate(): void {
    this.context.enqueue(() => {
      const sheet = requireSheet(this.resolveSheet, "worksheet");
      if (sheet.visibility !== "Visible")
        throw new FakeOfficeError("InvalidOperation", `sheet "${sheet.name}" is ${sheet.visibility}`);
      this.context.host.activeSheet = sheet.name;
    });
  }
}

class FakeWorksheets {
  private loadedItems: FakeWorksheet[] | null = null;
  constructor(private readonly context: FakeContext) {}
  /** "items/name,items/visibility": each item loads the named properties. */
  load(names?: string): void {
    const itemNames = names?.split(",").map((name) => name.trim().replace(/^items\//, ""));
    this.context.enqueue(() => {
      const items = this.context.host.sheets.map((sheet) => {
        const proxy = new FakeWorksheet(this.context, () => sheet);
        proxy.load(itemNames);
        return proxy;
      });
      this.context.stage({ count: items.length }, () => (this.loadedItems = items));
    });
  }
  get items(): FakeWorksheet[] {
    if (this.loadedItems === null) throw notLoaded("worksheets.items");
    return this.loadedItems;
  }
  getFirst(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.host.sheets[0] ?? null);
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const sheet = this.context.host.sheets.find((candidate) => candidate.name === name);
      if (!sheet) throw itemNotFound(`worksheet "${name}"`);
      return sheet;
    });
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      () => this.context.host.sheets.find((candidate) => candidate.name === name) ?? null,
    );
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
              const result = context.host.date1904 ? serial1900 - 1462 : serial1900;
              context.stage({ value: result }, () => (value = result));
            });
          },
          get value(): number {
            if (value === null) throw notLoaded("FunctionResult.value");
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

/**
 * Office's Common API answers through a callback with an AsyncResult; a refusal carries
 * `error.code/name/message` as office.js maps them (OSF.DDA.ErrorCodeManager, "Office Common API
 * error codes": https://learn.microsoft.com/en-us/office/dev/add-ins/reference/javascript-api-for-office-error-codes).
 */
export interface FakeAsyncResult<T> {
  readonly status: "succeeded" | "failed";
  readonly value: T;
  readonly error: { readonly code: number; readonly name: string; readonly message: string } | undefined;
  readonly asyncContext: unknown;
}

export const FAKE_FILE_ERRORS = {
  /** "The specified file type is not supported." */
  fileTypeNotSupported: {
    code: 1009,
    name: "Data Read Error",
    message: "The specified file type is not supported.",
  },
  /** "An internal error has occurred." (the generic code; Office documents none for a closed file) */
  internal: { code: 5001, name: "Internal Error", message: "An internal error has occurred." },
  /** "Index out of range." */
  indexOutOfRange: { code: 5008, name: "Index out of range.", message: "Index out of range." },
  /** "Memory Limit Exceeded": more than two files in memory. */
  memoryLimit: {
    code: 11000,
    name: "Memory Limit Exceeded",
    message: "Call closeAsync on the current File before retrieving another.",
  },
  /** "The specified slice size is not supported." */
  invalidSliceSize: {
    code: 11002,
    name: "Invalid Value",
    message: "The specified slice size is not supported.",
  },
} as const;

/** Office.GetFileOptions.sliceSize: "The maximum (and the default) is 4194304 (4MB)". */
export const FAKE_MAX_SLICE_BYTES = 4194304;

type FakeCallback<T> = (result: FakeAsyncResult<T>) => void;

/** Answers later, as Office does (never inside the call). */
function answer<T>(
  callback: FakeCallback<T> | undefined,
  outcome: { value: T } | { error: FakeAsyncResult<T>["error"] },
): void {
  setTimeout(() => {
    if (callback === undefined) return;
    if ("value" in outcome)
      callback({ status: "succeeded", value: outcome.value, error: undefined, asyncContext: undefined });
    else callback({ status: "failed", value: undefined as T, error: outcome.error, asyncContext: undefined });
  }, 0);
}

export interface FakeSlice {
  readonly data: number[];
  readonly index: number;
  readonly size: number;
}

export interface FakeFile {
  readonly size: number;
  readonly sliceCount: number;
  getSliceAsync(sliceIndex: number, callback?: FakeCallback<FakeSlice>): void;
  closeAsync(callback?: FakeCallback<void>): void;
}

/**
 * Office.context.document's file API over `host.savedBytes`, refusing what Office refuses:
 * - a sliceSize ≤ 0 or above 4194304 bytes, with 11002 (office.js's own check in getFileAsync;
 *   https://learn.microsoft.com/en-us/javascript/api/office/office.getfileoptions);
 * - a file type other than Compressed, with 1009: Excel's types are Compressed and Pdf, and the
 *   fake holds only the package (https://learn.microsoft.com/en-us/javascript/api/office/office.document#office-office-document-getfileasync-member(1));
 * - a third file while two are open, with 11000: "No more than two documents are allowed to be in
 *   memory; otherwise the Document.getFileAsync operation will fail"
 *   (https://learn.microsoft.com/en-us/javascript/api/office/office.file#office-office-file-closeasync-member(1));
 * - a slice index below 0 or at or above sliceCount, with 5008 (office.js checks it in getSliceAsync;
 *   https://learn.microsoft.com/en-us/javascript/api/office/office.file#office-office-file-getsliceasync-member(1));
 * - getSliceAsync or closeAsync on a file already closed, with 5001: the handle is released
 *   (https://learn.microsoft.com/en-us/javascript/api/office/office.file#office-office-file-closeasync-member(1)).
 * A slice's data is a plain array of numbers, "a byte array" (Office.Slice.data).
 */
/**
 * A current Excel on Windows, Mac or the web: ExcelApi 1.17, the Common API sets the pane uses.
 * CompressedFile is absent on Excel on iPad ("Office Common API requirement sets", CompressedFile:
 * Excel on the web, Windows, Mac; no iPad); NestedAppAuth is absent where Office has no NAA yet.
 * https://learn.microsoft.com/javascript/api/requirement-sets/common/office-add-in-requirement-sets
 */
export const DESKTOP_REQUIREMENT_SETS: Readonly<Record<string, string>> = {
  ExcelApi: "1.17",
  CompressedFile: "1.1",
  File: "1.1",
  DialogApi: "1.2",
};

/** Office.context.requirements.isSetSupported over the host's sets (versions compared part by part). */
export function isSetSupported(host: FakeWorkbook, name: string, version = "1.1"): boolean {
  const highest = (host.requirementSets ?? DESKTOP_REQUIREMENT_SETS)[name];
  if (highest === undefined) return false;
  const [hMajor = 0, hMinor = 0] = highest.split(".").map(Number);
  const [major = 0, minor = 0] = version.split(".").map(Number);
  return hMajor > major || (hMajor === major && hMinor >= minor);
}

export function createDocument(host: FakeWorkbook): {
  getFileAsync(
    fileType: string,
    options?: { sliceSize?: number } | FakeCallback<FakeFile>,
    callback?: FakeCallback<FakeFile>,
  ): void;
} {
  return {
    getFileAsync(fileType, options, callback) {
      const done = typeof options === "function" ? options : callback;
      const sliceSize = (typeof options === "object" ? options.sliceSize : undefined) ?? FAKE_MAX_SLICE_BYTES;
      const calls = (host.fileCalls ??= []);
      calls.push("open");
      if (typeof sliceSize !== "number" || !(sliceSize > 0 && sliceSize <= FAKE_MAX_SLICE_BYTES))
        return answer(done, { error: FAKE_FILE_ERRORS.invalidSliceSize });
      // Compressed needs the CompressedFile set (absent on Excel on iPad): the file type is refused.
      if (fileType !== "compressed" || !isSetSupported(host, "CompressedFile"))
        return answer(done, { error: FAKE_FILE_ERRORS.fileTypeNotSupported });
      if ((host.openFiles ?? 0) >= 2) return answer(done, { error: FAKE_FILE_ERRORS.memoryLimit });
      if (host.savedBytes === undefined) throw new Error("the test gave the fake host no savedBytes");
      // A copy: saving again later must not change a file already handed out.
      const bytes = Uint8Array.from(host.savedBytes);
      host.openFiles = (host.openFiles ?? 0) + 1;
      let closed = false;
      const file: FakeFile = {
        size: bytes.byteLength,
        sliceCount: Math.ceil(bytes.byteLength / sliceSize),
        getSliceAsync(sliceIndex, sliceDone) {
          calls.push(`slice ${sliceIndex}`);
          if (closed) return answer(sliceDone, { error: FAKE_FILE_ERRORS.internal });
          if (!Number.isInteger(sliceIndex) || sliceIndex < 0 || sliceIndex >= file.sliceCount)
            return answer(sliceDone, { error: FAKE_FILE_ERRORS.indexOutOfRange });
          const data = Array.from(bytes.subarray(sliceIndex * sliceSize, (sliceIndex + 1) * sliceSize));
          answer(sliceDone, { value: { data, index: sliceIndex, size: data.length } });
        },
        closeAsync(closeDone) {
          calls.push("close");
          if (closed) return answer(closeDone, { error: FAKE_FILE_ERRORS.internal });
          closed = true;
          host.openFiles = (host.openFiles ?? 1) - 1;
          answer(closeDone, { value: undefined });
        },
      };
      answer(done, { value: file });
    },
  };
}
