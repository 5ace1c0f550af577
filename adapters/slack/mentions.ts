// "@portbot scan web-1 22" arrives as "<@U0BOT> scan web-1 22". The bot's own mention is removed
// wherever it stands; without the bot's id (auth.test not done), a leading mention is dropped.
export function stripMentions(text: string, botUserId: string | undefined): string {
  const own = botUserId === undefined ? /^\s*<@[A-Z0-9]+(?:\|[^>]*)?>/ : new RegExp(`<@${escapeRegExp(botUserId)}(?:\\|[^>]*)?>`, 'g');
  return text.replace(own, ' ').replace(/\s+/g, ' ').trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Message text (unlike slash-command text with should_escape off) arrives in Slack's markup: a typed
 * "web-1.example.com" becomes "<http://web-1.example.com|web-1.example.com>" and "<" becomes
 * "&lt;". Turn it back into what the person typed, so the core sees "scan web-1.example.com" and
 * not a URL it must refuse. Only the visible label survives: the link target Slack invented is
 * never used.
 */
export function plainMessageText(text: string): string {
  return text
    .replace(/<([^<>|]*)\|([^<>]*)>/g, '$2')
    .replace(/<([^<>]*)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
