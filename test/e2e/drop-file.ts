import type { Page } from "playwright-core";

/**
 * Drops a file on the standalone page's drop zone as a browser does (a DataTransfer in a drop
 * event), then waits for the check's results unless told not to (a refused file shows none).
 */
export async function dropFile(
  page: Page,
  name: string,
  bytes: Uint8Array,
  options: { type?: string; waitForResults?: boolean } = {},
): Promise<void> {
  await page.evaluate(
    ({ name, base64, type }) => {
      const data = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], name, type === undefined ? {} : { type }));
      document
        .querySelector('[data-testid="dropzone"]')
        ?.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    { name, base64: Buffer.from(bytes).toString("base64"), type: options.type },
  );
  if (options.waitForResults ?? true)
    await page.waitForSelector('[data-testid="results"]', { timeout: 60_000 });
}
