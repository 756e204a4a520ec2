import type { Problem } from "../problems";
import { messageEn } from "./en";
import { messageVi } from "./vi";
import { renderParam, type Language, type MessageCatalogue } from "./types";

export type { Language } from "./types";
export { describeConfigIssue, type ConfigIssue } from "./config-issues";

const CATALOGUES: Readonly<Record<Language, MessageCatalogue>> = { vi: messageVi, en: messageEn };

/** The problem in words, in the chosen language. */
export function formatProblem(problem: Problem, language: Language): string {
  return CATALOGUES[language](problem, (name) => renderParam(problem.params[name], language));
}

export function isLanguage(value: string): value is Language {
  return value === "vi" || value === "en";
}
