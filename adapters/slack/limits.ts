// Block Kit's limits (docs.slack.dev, "Block Kit" reference). Slack rejects a message that breaks
// one with `invalid_blocks`, so the renderer plans within them instead of hoping.
export const slackLimits = {
  blocksPerMessage: 50,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  buttonText: 75,
  buttonValue: 2000,
  actionsElements: 25,
  /** Slack truncates long messages around here; keep every block's text together below it. */
  totalBlockText: 12000,
  /** The `text` fallback is for notifications and screen readers: keep it short. */
  fallbackText: 1000,
} as const;
