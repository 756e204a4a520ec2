import { formatSendMessage } from "../../core/index";
import {
  DocumentFileError,
  documentFileMessage,
  MAX_SLICE_BYTES,
  readDocumentFile,
  type FileDocument,
} from "../../addin/office/document-file";
import {
  createDocument,
  isSetSupported,
  type FakeAsyncResult,
  FAKE_FILE_ERRORS,
  FAKE_MAX_SLICE_BYTES,
  type FakeFile,
  type FakeSlice,
  type FakeWorkbook,
} from "./fake-excel";

function host(savedBytes: Uint8Array): FakeWorkbook {
  return { sheets: [], date1904: false, activeSheet: null, selection: null, savedBytes };
}

/** Bytes 0, 1, …, 255, 0, 1, … so a slice out of place shows. */
function pattern(length: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => i % 256);
}

function asDocument(document: ReturnType<typeof createDocument>): FileDocument {
  return document as unknown as FileDocument;
}

type Result<T> = FakeAsyncResult<T>;

/** The raw Common API call, as a promise of its AsyncResult. */
function call<T>(start: (callback: (result: Result<T>) => void) => void): Promise<Result<T>> {
  return new Promise((resolve) => start(resolve));
}

async function caught(promise: Promise<unknown>): Promise<DocumentFileError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DocumentFileError) return error;
    throw error;
  }
  throw new Error("expected a DocumentFileError");
}

describe("readDocumentFile against the strict fake host", () => {
  it("assembles the slices in order, one at a time, and closes the file", async () => {
    const saved = pattern(10_000);
    const workbook = host(saved);

    const bytes = await readDocumentFile(asDocument(createDocument(workbook)), { sliceSize: 4096 });

    expect(Buffer.from(bytes).equals(Buffer.from(saved))).toBe(true);
    expect(workbook.fileCalls).toEqual(["open", "slice 0", "slice 1", "slice 2", "close"]);
    expect(workbook.openFiles).toBe(0);
  });

  it("reads a file in one slice at the default (and largest) slice size", async () => {
    const workbook = host(pattern(70_000));

    const bytes = await readDocumentFile(asDocument(createDocument(workbook)));

    expect(bytes.byteLength).toBe(70_000);
    expect(MAX_SLICE_BYTES).toBe(FAKE_MAX_SLICE_BYTES);
    expect(workbook.fileCalls).toEqual(["open", "slice 0", "close"]);
  });

  it.each([0, -1, FAKE_MAX_SLICE_BYTES + 1])(
    "a slice size of %i is refused by the fake (11002) and worded for the officer",
    async (sliceSize) => {
      const workbook = host(pattern(100));
      const raw = await call<FakeFile>((done) =>
        createDocument(workbook).getFileAsync("compressed", { sliceSize }, done),
      );
      expect(raw.status).toBe("failed");
      expect(raw.error).toEqual(FAKE_FILE_ERRORS.invalidSliceSize);

      const error = await caught(readDocumentFile(asDocument(createDocument(workbook)), { sliceSize }));

      expect([error.step, error.officeCode]).toEqual(["open", 11002]);
      expect(formatSendMessage(error.sendMessage, "vi")).toBe(
        "Không đọc được tệp đã lưu từ Excel (mã 11002): tệp chưa được gửi. Hãy lưu tệp, đóng rồi mở lại, kiểm tra lại rồi gửi.",
      );
      expect(workbook.openFiles ?? 0).toBe(0);
    },
  );

  it("a file type other than Compressed is refused by the fake (1009)", async () => {
    const raw = await call<FakeFile>((done) =>
      createDocument(host(pattern(10))).getFileAsync("text", {}, done),
    );

    expect(raw.error).toEqual(FAKE_FILE_ERRORS.fileTypeNotSupported);
  });

  it("an Excel without the CompressedFile set (Excel on iPad) refuses Compressed (1009), and nothing is left open", async () => {
    const ipad: FakeWorkbook = {
      ...host(pattern(10)),
      requirementSets: { ExcelApi: "1.17", DialogApi: "1.2" },
    };

    expect(isSetSupported(ipad, "CompressedFile")).toBe(false);
    expect(isSetSupported(host(pattern(1)), "CompressedFile")).toBe(true);
    const error = await caught(readDocumentFile(asDocument(createDocument(ipad))));
    expect(error.officeCode).toBe(1009);
    expect(ipad.openFiles ?? 0).toBe(0);
  });

  it("with two files left open, a third is refused (11000) and the officer is told to wait and retry", async () => {
    const workbook = host(pattern(100));
    const document = createDocument(workbook);
    for (let i = 0; i < 2; i += 1)
      expect((await call<FakeFile>((done) => document.getFileAsync("compressed", {}, done))).status).toBe(
        "succeeded",
      );

    const error = await caught(readDocumentFile(asDocument(document)));

    expect([error.step, error.officeCode]).toEqual(["open", 11000]);
    expect(formatSendMessage(documentFileMessage(error), "vi")).toMatch(/^Excel đang giữ một bản sao khác/);
    expect(formatSendMessage(documentFileMessage(error), "en")).toMatch(/wait a few seconds and send again/);
    expect(workbook.openFiles).toBe(2);
  });

  it("a slice index out of range is refused (5008); the read says so and still closes", async () => {
    const workbook = host(pattern(5000));
    const file = (
      await call<FakeFile>((done) =>
        createDocument(workbook).getFileAsync("compressed", { sliceSize: 4096 }, done),
      )
    ).value;
    expect(file.sliceCount).toBe(2);
    for (const index of [2, -1])
      expect((await call<FakeSlice>((done) => file.getSliceAsync(index, done))).error).toEqual(
        FAKE_FILE_ERRORS.indexOutOfRange,
      );
    await call<void>((done) => file.closeAsync(done));
    workbook.fileCalls = [];
    // A file that claims one slice more than it has: the adapter asks for it, Office refuses.
    const lying = {
      getFileAsync(type: string, options: { sliceSize?: number }, done: (result: Result<FakeFile>) => void) {
        createDocument(workbook).getFileAsync(type, options, (result) =>
          done({ ...result, value: { ...result.value, sliceCount: result.value.sliceCount + 1 } }),
        );
      },
    };

    const error = await caught(readDocumentFile(lying as unknown as FileDocument, { sliceSize: 4096 }));

    expect([error.step, error.officeCode]).toEqual(["slice", 5008]);
    expect(formatSendMessage(error.sendMessage, "en")).toMatch(/cannot be read from Excel \(code 5008\)/);
    expect(workbook.fileCalls).toEqual(["open", "slice 0", "slice 1", "slice 2", "close"]);
    expect(workbook.openFiles).toBe(0);
  });

  it("a call on a closed file is refused (5001); a file closed under the read is told, never half-read", async () => {
    const workbook = host(pattern(5000));
    const file = (
      await call<FakeFile>((done) => createDocument(workbook).getFileAsync("compressed", {}, done))
    ).value;
    await call<void>((done) => file.closeAsync(done));
    expect((await call<FakeSlice>((done) => file.getSliceAsync(0, done))).error).toEqual(
      FAKE_FILE_ERRORS.internal,
    );
    expect((await call<void>((done) => file.closeAsync(done))).error).toEqual(FAKE_FILE_ERRORS.internal);
    expect(workbook.openFiles).toBe(0);
    // Office releasing the file between the open and the first slice (the document closing).
    const closing = {
      getFileAsync(type: string, options: { sliceSize?: number }, done: (result: Result<FakeFile>) => void) {
        createDocument(workbook).getFileAsync(type, options, (result) =>
          result.value.closeAsync(() => done(result)),
        );
      },
    };

    const error = await caught(readDocumentFile(closing as unknown as FileDocument));

    expect([error.step, error.officeCode]).toEqual(["slice", 5001]);
    expect(documentFileMessage(error)).toEqual({ code: "SEND_EXCEL_FILE_UNREADABLE", officeCode: 5001 });
    expect(workbook.openFiles).toBe(0);
  });

  it("anything else thrown while reading is still worded for the officer", () => {
    expect(formatSendMessage(documentFileMessage(new TypeError("x")), "vi")).toBe(
      "Không đọc được tệp đã lưu từ Excel: tệp chưa được gửi. Hãy lưu tệp, đóng rồi mở lại, kiểm tra lại rồi gửi.",
    );
  });
});
