// Secrets that must never reach a log line: the configured tokens themselves, and anything shaped
// like a Slack or Discord credential that a user pasted or an SDK echoed into free text.
import type { Config } from '../config.js';

const patterns: readonly RegExp[] = [
  // Slack bot, user, refresh and app-level tokens.
  /xox[a-z](?:\.xox[a-z])?-[\w-]+/gi,
  /xapp-[\w-]+/gi,
  // Slack response_url and incoming webhooks carry their own credential in the path.
  /\bhttps?:\/\/hooks\.slack(?:-gov)?\.com\/\S*/gi,
  // Discord webhook and interaction callback URLs carry the interaction token.
  /\bhttps?:\/\/(?:[\w-]+\.)?discord(?:app)?\.com\/api\/(?:v\d+\/)?(?:webhooks|interactions)\/\S*/gi,
  // Discord interaction tokens are base64 of "interaction:...".
  /\baW50ZXJhY3Rpb246[\w+/=-]+/g,
  // Discord bot tokens: base64 user id, timestamp, HMAC.
  /\b[\w-]{23,28}\.[\w-]{6,7}\.[\w-]{27,}/g,
];

export const redacted = '[redacted]';

/** Replaces every secret-shaped part of `text`. */
export function scrubSecretPatterns(text: string): string {
  return patterns.reduce((scrubbed, pattern) => scrubbed.replace(pattern, redacted), text);
}

/** A scrubber that also removes the exact secrets this process was configured with. */
export function createSecretScrubber(config: Config): (text: string) => string {
  const known = [config.SLACK_BOT_TOKEN, config.SLACK_SIGNING_SECRET, config.SLACK_APP_TOKEN, config.DISCORD_TOKEN].filter(
    (secret): secret is string => secret !== undefined && secret.length >= 8,
  );
  return (text) => scrubSecretPatterns(known.reduce((scrubbed, secret) => scrubbed.split(secret).join(redacted), text));
}
