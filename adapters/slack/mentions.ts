// "@portbot scan web-1 22" arrives as "<@U0BOT> scan web-1 22". The bot's own mention is removed
// wherever it stands; without the bot's id (auth.test not done), a leading mention is dropped.
export function stripMentions(text: string, botUserId: string | undefined): string {
  const own = botUserId === undefined ? /^\s*<@[A-Z0-9]+(?:\|[^>]*)?>/ : new RegExp(`<@${escapeRegExp(botUserId)}(?:\\|[^>]*)?>`, 'g');
  return text.replace(own, ' ').replace(/\s+/g, ' ').trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
