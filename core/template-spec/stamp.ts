/** Where a template carries its kind and version: a hidden sheet, also reachable by defined names. */
export const STAMP = {
  sheet: "_thidua",
  kindCell: "B1",
  versionCell: "B2",
  kindName: "THIDUA_KIND",
  versionName: "THIDUA_VERSION",
} as const;

/** The hidden sheet holding the dropdown lists. */
export const LISTS_SHEET = "DanhMuc";
