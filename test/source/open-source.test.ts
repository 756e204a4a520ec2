import { parseSourceAddress } from "../../scripts/source/open-source";

describe("--source by its form", () => {
  it.each([
    ["D:/OneDrive/ThiDua/2026", { kind: "local", path: "D:/OneDrive/ThiDua/2026" }],
    ["./nop-bai", { kind: "local", path: "./nop-bai" }],
    ["onedrive:b!AbC-12/01ABCDEF", { kind: "onedrive-item", driveId: "b!AbC-12", itemId: "01ABCDEF" }],
    ["onedrive:/ThiDua/2026/", { kind: "onedrive-path", path: "/ThiDua/2026" }],
    ["onedrive:/", { kind: "onedrive-path", path: "/" }],
    [
      "https://contoso.sharepoint.com/:f:/s/snv/EqAbc?e=x",
      { kind: "sharing-link", url: "https://contoso.sharepoint.com/:f:/s/snv/EqAbc?e=x" },
    ],
  ])("%s", (text, expected) => {
    expect(parseSourceAddress(text)).toEqual(expected);
  });

  it.each(["onedrive:only-a-drive", "onedrive:a/b/c", "http://contoso.sharepoint.com/x"])(
    "refuses %s as a usage error",
    (text) => {
      expect(() => parseSourceAddress(text)).toThrow(expect.objectContaining({ name: "UsageError" }));
    },
  );
});
