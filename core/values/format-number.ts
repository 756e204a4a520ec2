import type { Language } from "../messages/index";

/** A number as each language writes it: "1.234,5" in Vietnamese, "1,234.5" in English. */
export function formatNumber(value: number, language: Language, decimals = 0): string {
  const [whole = "0", fraction] = Math.abs(value).toFixed(decimals).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, language === "vi" ? "." : ",");
  const sign = value < 0 ? "-" : "";
  return fraction === undefined
    ? sign + grouped
    : `${sign}${grouped}${language === "vi" ? "," : "."}${fraction}`;
}

/** A rate already in percent, with one decimal: "91,9%". */
export function formatPercent(value: number, language: Language): string {
  return `${formatNumber(value, language, 1)}%`;
}

/** A number with the decimals it has (up to 8), as each language writes it: "0,765" / "0.765". */
export function formatDecimal(value: number, language: Language): string {
  const decimals = (String(Math.round(value * 1e8) / 1e8).split(".")[1] ?? "").length;
  return formatNumber(value, language, decimals);
}
