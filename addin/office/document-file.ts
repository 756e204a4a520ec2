/// <reference types="office-js" />
import type { SendMessage } from "../../core/index";

/**
 * The workbook's file as Excel last saved it, through the Common API: Document.getFileAsync
 * (Compressed: the .xlsx package), then File.getSliceAsync slice by slice, then File.closeAsync.
 * Pages followed: "Document.getFileAsync", "File.getSliceAsync", "File.closeAsync" and "Get the
 * whole document from an add-in for PowerPoint or Word" (learn.microsoft.com).
 */

/** "The maximum (and the default) is 4194304 (4MB)" (Office.GetFileOptions.sliceSize). */
export const MAX_SLICE_BYTES = 4_194_304;

/** The Office error codes this adapter words on its own ("Office Common API error codes"). */
export const OFFICE_FILE_ERRORS = {
  /** "Memory Limit Exceeded": a third file asked while two are still open. */
  memoryFileLimit: 11000,
  /** "A network problem has prevented retrieval of the file." */
  networkProblem: 11001,
} as const;

/** Excel refused to hand over its file, at one of the three steps. */
export class DocumentFileError extends Error {
  constructor(
    readonly step: "open" | "slice" | "close",
    /** Office's AsyncResult.error.code, null when Office gave none. */
    readonly officeCode: number | null,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`getFileAsync (${step}): ${message}`, options);
    this.name = "DocumentFileError";
  }

  /** What the officer is told (the words are in the core's catalogue). */
  get sendMessage(): SendMessage {
    return { code: "SEND_EXCEL_FILE_UNREADABLE", officeCode: this.officeCode };
  }
}

/** The part of Office.Document this needs (the fake host provides the same). */
export type FileDocument = Pick<Office.Document, "getFileAsync">;

// office.js's runtime values (Microsoft.Office.WebExtension.FileType / AsyncResultStatus are the
// strings "compressed" and "succeeded"; the typings declare numeric enums): literal here so the
// adapter also runs where Office is not a global (unit tests against the fake host).
const COMPRESSED = "compressed" as unknown as Office.FileType.Compressed;
const SUCCEEDED = "succeeded" as unknown as Office.AsyncResultStatus.Succeeded;

function settle<T>(step: DocumentFileError["step"], result: Office.AsyncResult<T>): T {
  if (result.status === SUCCEEDED) return result.value;
  const code = typeof result.error?.code === "number" ? result.error.code : null;
  throw new DocumentFileError(
    step,
    code,
    `${result.error?.name ?? "Error"}: ${result.error?.message ?? ""}`,
    {
      cause: result.error,
    },
  );
}

function openFile(document: FileDocument, sliceSize: number): Promise<Office.File> {
  return new Promise((resolve, reject) => {
    document.getFileAsync(COMPRESSED, { sliceSize }, (result) => {
      try {
        resolve(settle("open", result));
      } catch (error) {
        reject(error);
      }
    });
  });
}

function readSlice(file: Office.File, index: number): Promise<Office.Slice> {
  return new Promise((resolve, reject) => {
    file.getSliceAsync(index, (result) => {
      try {
        resolve(settle("slice", result));
      } catch (error) {
        reject(error);
      }
    });
  });
}

function closeFile(file: Office.File): Promise<void> {
  return new Promise((resolve, reject) => {
    file.closeAsync((result) => {
      try {
        settle("close", result);
        resolve();
      } catch (error) {
        reject(error);
      }
    });
  });
}

/** A Compressed slice's data is "a byte array" (Office.Slice.data): a number[] or a typed array. */
function sliceBytes(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (Array.isArray(data)) return Uint8Array.from(data as number[]);
  throw new DocumentFileError("slice", null, `a slice's data is ${typeof data}, not bytes`);
}

/**
 * The saved file's bytes. Slices are asked one at a time, in order (one in flight keeps Excel's
 * memory to one slice); the file is closed whatever happens, since Office keeps at most two
 * open and refuses a third ("No more than two documents are allowed to be in memory").
 */
export async function readDocumentFile(
  document: FileDocument,
  options: { sliceSize?: number } = {},
): Promise<Uint8Array> {
  const file = await openFile(document, options.sliceSize ?? MAX_SLICE_BYTES);
  let bytes: Uint8Array | undefined;
  let failure: unknown;
  try {
    const slices: Uint8Array[] = [];
    for (let index = 0; index < file.sliceCount; index += 1)
      slices.push(sliceBytes((await readSlice(file, index)).data));
    const total = slices.reduce((sum, slice) => sum + slice.byteLength, 0);
    if (total !== file.size)
      throw new DocumentFileError("slice", null, `${total} bytes in the slices, the file has ${file.size}`);
    bytes = new Uint8Array(total);
    let offset = 0;
    for (const slice of slices) {
      bytes.set(slice, offset);
      offset += slice.byteLength;
    }
  } catch (error) {
    failure = error;
  }
  // Closed whatever happened. A close that fails after a complete read (its size checked) does not
  // make the bytes wrong: they are returned; after a failed read, the read's error is the one told.
  await closeFile(file).catch(() => undefined);
  if (failure !== undefined) throw failure;
  if (bytes === undefined) throw new DocumentFileError("slice", null, "no bytes");
  return bytes;
}

/** Any failure of the read, as what the officer is told. */
export function documentFileMessage(error: unknown): SendMessage {
  return error instanceof DocumentFileError
    ? error.sendMessage
    : { code: "SEND_EXCEL_FILE_UNREADABLE", officeCode: null };
}
