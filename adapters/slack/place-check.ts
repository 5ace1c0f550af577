// Before /watch promises alerts in a channel: may the bot post there? conversations.info says
// whether the bot is a member (`is_member`, with channels:read for public and groups:read for
// private channels); a private channel it was not added to reads as channel_not_found. Slash
// commands work in public channels the bot never joined, where chat.postMessage would fail with
// not_in_channel, so this is asked first.
import type { PlaceCheck } from '../../src/report/place.js';
import { platformError } from './deliver.js';
import type { SlackClients } from './web-clients.js';

const INVITE = 'portbot is not in this channel: invite it with /invite @portbot, then try again';

export function slackPlaceCheck(clients: () => SlackClients | undefined): PlaceCheck {
  return async (place) => {
    const running = clients();
    if (running === undefined) return { ok: false, reason: 'the Slack adapter is not running' };
    if (place.channelId === undefined) return { ok: true };
    try {
      const info = await running.updating.conversations.info({ channel: place.channelId });
      const channel = info.channel;
      // A direct message with the bot is always open to it; elsewhere membership decides.
      if (channel?.is_im === true || channel?.is_member === true) return { ok: true };
      if (channel?.is_archived === true) return { ok: false, reason: 'this channel is archived' };
      return { ok: false, reason: INVITE };
    } catch (error) {
      const code = platformError(error);
      if (code === 'channel_not_found') return { ok: false, reason: INVITE };
      if (code === 'missing_scope') return { ok: false, reason: "portbot's Slack app cannot check this channel (it lacks the channels:read and groups:read scopes: reinstall it from adapters/slack/manifest.json)" };
      return { ok: false, reason: `Slack did not say whether portbot may post here (${code ?? (error instanceof Error ? error.message : String(error))})` };
    }
  };
}
