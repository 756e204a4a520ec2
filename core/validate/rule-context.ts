import type { MovementConfig } from "../config";
import type { Problem } from "../problems";
import type { Registry } from "../registry";
import type { ParsedDocument } from "./read-document";
import type { DocumentPeriod } from "./period-of-document";

export interface RuleContext {
  readonly document: ParsedDocument;
  readonly config: MovementConfig;
  /** The registry of units, when the caller has one. */
  readonly registry: Registry | null;
  /** When the file was received (epoch ms), when known: upload time or file modification time. */
  readonly receivedAt: number | null;
  /** The period the document is for (its year, round or phase), read once for every rule. */
  readonly period: DocumentPeriod;
}

/** A rule of the movement: a small named function from a parsed document to the problems it finds. */
export type Rule = (context: RuleContext) => Problem[];

export function textField(context: RuleContext, key: string): string | null {
  const value = context.document.fields[key];
  return typeof value === "string" ? value : null;
}

export function numberField(context: RuleContext, key: string): number | null {
  const value = context.document.fields[key];
  return typeof value === "number" ? value : null;
}
