// Discord interaction tokens last 15 minutes: after that the deferred reply can no longer be
// edited and no follow-up can be sent (401, "Invalid Webhook Token"). A scan still running some
// time before then moves its answer to a message portbot owns. Injectable so tests run in seconds.
export interface TokenLifetime {
  /** How long Discord honours an interaction token after the interaction arrived. */
  readonly lifetimeMs: number;
  /** How long before that the answer moves elsewhere (room for the move itself and a slow final). */
  readonly moveBeforeMs: number;
}

export const DISCORD_TOKEN_LIFETIME: TokenLifetime = { lifetimeMs: 15 * 60_000, moveBeforeMs: 2 * 60_000 };
