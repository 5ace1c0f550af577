// Two Web API clients with different retry rules. Slack's API has no idempotency key: a 429 means
// "not processed, come back after Retry-After", but a 5xx or a dropped connection may come after
// Slack already stored the message. So calls that only replace something (chat.update,
// chat.delete) may retry everything, while calls that create a post retry 429s only.
import { webApi } from '@slack/bolt';
import type { Logger as BoltLogger } from '@slack/bolt';
import { setTimeout as sleep } from 'node:timers/promises';

export interface SlackClients {
  /** Idempotent calls: retried after 429 (Retry-After) and on 5xx or network errors. */
  readonly updating: webApi.WebClient;
  /** Creating calls (postMessage, postEphemeral, file shares): 429 retried by `createOnce`, nothing else. */
  readonly posting: webApi.WebClient;
}

export interface SlackClientOptions {
  readonly token: string;
  readonly slackApiUrl?: string;
  readonly logger: BoltLogger;
}

/** Five retries with backoff from half a second: rides out a brief outage, gives up within a minute. */
export const updateRetryPolicy = { retries: 5, factor: 2, minTimeout: 500, maxTimeout: 15_000 };

export function baseClientOptions(options: Omit<SlackClientOptions, 'token'>): webApi.WebClientOptions {
  return {
    logger: options.logger,
    retryConfig: updateRetryPolicy,
    ...(options.slackApiUrl === undefined ? {} : { slackApiUrl: withTrailingSlash(options.slackApiUrl) }),
  };
}

export function createPostingClient(options: SlackClientOptions): webApi.WebClient {
  return new webApi.WebClient(options.token, {
    ...baseClientOptions(options),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
}

const maxRateLimitWaits = 5;

/** Runs one creating call, waiting out 429s (Slack did not process those) and nothing else. */
export async function createOnce<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (!isRateLimited(error) || attempt >= maxRateLimitWaits) throw error;
      await sleep(Math.max(1, error.retryAfter) * 1000);
    }
  }
}

function isRateLimited(error: unknown): error is webApi.WebAPIRateLimitedError {
  return error instanceof Error && (error as { code?: unknown }).code === webApi.ErrorCode.RateLimitedError;
}

/** Slack's client joins base and method by plain concatenation. */
function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
