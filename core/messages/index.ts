import type { Problem } from "../problems";
import type { SendMessage } from "../submit/send-decision";
import { messageEn, sendMessageEn } from "./en";
import { messageVi, sendMessageVi } from "./vi";
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

/** A step or outcome of sending from the pane, in the chosen language. */
export function formatSendMessage(message: SendMessage, language: Language): string {
  return language === "vi" ? sendMessageVi(message) : sendMessageEn(message);
}
