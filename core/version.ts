/** Version of the rule set; bump when a rule changes what it accepts, so outputs say which rules judged them. */
export const RULES_VERSION = "2026.1";
