// Builds what Slack sends an app in HTTP mode (slash commands, events, button presses) and signs it
// the way Slack does (v0 HMAC-SHA256 over "v0:<timestamp>:<body>"), so the real Bolt receiver
// verifies it exactly as it would verify Slack.
import { createHmac } from 'node:crypto';

export const signingSecret = 'stand-in-signing-secret';
export const teamId = 'T0TEAM';

export interface Sent {
  readonly status: number;
  readonly body: string;
  /** From sending the request to the ack's response arriving. */
  readonly ackMs: number;
}

export interface SignOptions {
  readonly secret?: string;
  /** Unix seconds; Slack's rule (and Bolt's) rejects anything more than five minutes old. */
  readonly timestamp?: number;
}

export function signature(body: string, timestamp: number, secret = signingSecret): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export async function sendSigned(port: number, body: string, contentType: string, options: SignOptions = {}): Promise<Sent> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const started = performance.now();
  const response = await fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature(body, timestamp, options.secret),
    },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: text, ackMs: performance.now() - started };
}

export interface Who {
  readonly userId: string;
  readonly channelId: string;
}

export function slashCommand(command: string, text: string, who: Who, responseUrl: string): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: teamId,
    team_domain: 'stand-in',
    channel_id: who.channelId,
    channel_name: 'general',
    user_id: who.userId,
    user_name: 'someone',
    command,
    text,
    api_app_id: 'A0PORTBOT',
    response_url: responseUrl,
    trigger_id: '1.2.3',
  }).toString();
}

let eventCounter = 0;

export function mentionEvent(text: string, who: Who, eventId = `Ev${String(++eventCounter).padStart(8, '0')}`): Record<string, unknown> {
  return {
    token: 'deprecated-verification-token',
    team_id: teamId,
    api_app_id: 'A0PORTBOT',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: teamId, user_id: 'UPORTBOT', is_bot: true }],
    event: { type: 'app_mention', user: who.userId, text, ts: `1700000100.${String(eventCounter).padStart(6, '0')}`, channel: who.channelId, event_ts: '1700000100.000001', team: teamId },
  };
}

export function buttonPress(actionId: string, value: string, label: string, who: Who, responseUrl: string): Record<string, unknown> {
  return {
    type: 'block_actions',
    team: { id: teamId, domain: 'stand-in' },
    user: { id: who.userId, username: 'someone', team_id: teamId },
    api_app_id: 'A0PORTBOT',
    token: 'deprecated-verification-token',
    container: { type: 'message', message_ts: '1700000000.000001', channel_id: who.channelId, is_ephemeral: false },
    trigger_id: '1.2.3',
    channel: { id: who.channelId, name: 'general' },
    message: { ts: '1700000000.000001', text: 'result' },
    response_url: responseUrl,
    actions: [{ type: 'button', action_id: actionId, block_id: 'b1', text: { type: 'plain_text', text: label }, value, action_ts: '1700000000.5' }],
  };
}

export const asForm = (payload: Record<string, unknown>): string => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
