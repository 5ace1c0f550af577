// Who may scan, by platform ids only: display names can be changed by their owners, ids cannot.
// Users and roles say who (either admits), channels say where (both must pass when set). The
// console and CLI run as whoever started them, who controls the configuration anyway. Workspaces
// and guilds say which organisation: anyone can add a Discord bot to their own server, and a
// Slack Connect channel brings in people from other companies, so a configured platform scans
// only for its listed workspaces or guilds.
import type { Config } from '../config.js';
import type { Refusal } from '../errors.js';
import { refusal } from '../errors.js';
import type { Requester } from './types.js';

export type Authorise = (requester: Requester) => Refusal | null;

export function createAuthoriser(config: Config): Authorise {
  const users = new Set(config.PORTBOT_ALLOWED_USERS);
  const roles = new Set(config.PORTBOT_ALLOWED_ROLES);
  const channels = new Set(config.PORTBOT_ALLOWED_CHANNELS);
  const whoIsLimited = users.size > 0 || roles.size > 0;
  const fromOrganisation = organisationCheck(config);

  return (requester) => {
    if (requester.platform === 'cli' || requester.platform === 'console') return null;
    const outsider = fromOrganisation(requester);
    if (outsider !== null) return outsider;
    if (whoIsLimited) {
      const byUser = users.has(requester.userId);
      const byRole = (requester.roleIds ?? []).some((role) => roles.has(role));
      if (!byUser && !byRole) {
        return refusal(
          'not-authorised',
          `you may not run scans here: ask the operator to add your user id (${requester.userId}) to PORTBOT_ALLOWED_USERS` +
            (roles.size > 0 ? ' or to give you one of the roles in PORTBOT_ALLOWED_ROLES' : ''),
        );
      }
    }
    if (channels.size > 0 && (requester.channelId === undefined || !channels.has(requester.channelId))) {
      return refusal('not-authorised', 'scans are not allowed in this channel: use a channel listed in PORTBOT_ALLOWED_CHANNELS, or ask the operator to add this one');
    }
    return null;
  };
}

/** Discord guilds and Slack workspaces, checked whenever that platform is configured. */
function organisationCheck(config: Config): Authorise {
  const guilds = new Set([...config.PORTBOT_ALLOWED_GUILDS, ...(config.DISCORD_GUILD_ID === undefined ? [] : [config.DISCORD_GUILD_ID])]);
  const workspaces = new Set(config.PORTBOT_ALLOWED_WORKSPACES);
  return (requester) => {
    if (requester.platform === 'discord' && config.DISCORD_TOKEN !== undefined) {
      if (requester.workspaceId === undefined) {
        return refusal('not-authorised', 'scans run only in Discord servers listed in PORTBOT_ALLOWED_GUILDS, not in direct messages: use /scan in one of those servers');
      }
      if (!guilds.has(requester.workspaceId)) {
        return refusal('not-authorised', `scans are not allowed in this Discord server: ask the operator to add its id (${requester.workspaceId}) to PORTBOT_ALLOWED_GUILDS`);
      }
    }
    if (requester.platform === 'slack' && config.SLACK_BOT_TOKEN !== undefined) {
      // Unset: only the workspace the bot's token belongs to. Unknown (no auth.test): nobody.
      const allowed = workspaces.size > 0 ? workspaces : new Set(requester.botWorkspaceId === undefined ? [] : [requester.botWorkspaceId]);
      if (requester.workspaceId === undefined || !allowed.has(requester.workspaceId)) {
        return refusal('not-authorised', `scans are not allowed for your Slack workspace${requester.workspaceId === undefined ? '' : ` (${requester.workspaceId})`}: only workspaces listed in PORTBOT_ALLOWED_WORKSPACES may scan (unset: the bot's own workspace)`);
      }
    }
    return null;
  };
}
