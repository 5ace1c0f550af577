// Who may scan, by platform ids only: display names can be changed by their owners, ids cannot.
// Users and roles say who (either admits), channels say where (both must pass when set). The
// console and CLI run as whoever started them, who controls the configuration anyway.
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

  return (requester) => {
    if (requester.platform === 'cli' || requester.platform === 'console') return null;
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
