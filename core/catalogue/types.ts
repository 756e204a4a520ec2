/** Text in both languages the product speaks. */
export interface LocalizedText {
  readonly vi: string;
  readonly en: string;
}

/** One entry of a catalogue: a stable code, a Vietnamese label (seed wording) and an English gloss. */
export interface CatalogueEntry<Code extends string = string> {
  readonly code: Code;
  /** Full Vietnamese label, in the seed's wording. */
  readonly vi: string;
  /** Short Vietnamese label, for dropdowns and column headers. */
  readonly short: string;
  readonly en: string;
}
