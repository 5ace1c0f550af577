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
  /**
   * Every block's text together. Slack documents no such limit, but answers `msg_blocks_too_long`
   * from about 11,300-13,200 characters (users' reports, slackapi/bolt-js#2509); aim well below.
   */
  totalBlockText: 10_000,
  /** The `text` fallback is for notifications and screen readers: keep it short. */
  fallbackText: 1000,
} as const;
