import type { LocalizedText } from "../catalogue/types";
import type { Problem, ProblemParam } from "../problems";

export type Language = "vi" | "en";

/** Renders one problem's params in one language; each catalogue is an exhaustive switch on the code. */
export type MessageCatalogue = (problem: Problem, param: (name: string) => string) => string;

export function renderParam(value: ProblemParam | undefined, language: Language): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "object") return (value as LocalizedText)[language];
  return String(value);
}
