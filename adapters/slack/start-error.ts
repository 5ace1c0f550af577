// Why Slack did not start, in one line an operator can act on. The Web API client wraps the
// network error twice (WebAPIRequestError -> fetch's TypeError -> the socket error), and only the
// innermost says what happened (ECONNREFUSED, ENOTFOUND, a certificate problem); an API answer
// such as invalid_auth sits in the error's data instead.

interface ErrorLike {
  readonly message?: unknown;
  readonly code?: unknown;
  readonly cause?: unknown;
  readonly original?: unknown;
  readonly data?: { readonly error?: unknown };
}

const asError = (value: unknown): ErrorLike | undefined => (typeof value === 'object' && value !== null ? value : undefined);

/** The error and its causes, outermost first (bounded: a cause chain may loop). */
function chain(error: unknown): ErrorLike[] {
  const links: ErrorLike[] = [];
  for (let link = asError(error); link !== undefined && links.length < 10 && !links.includes(link); link = asError(link.cause ?? link.original)) links.push(link);
  return links;
}

/** e.g. "cannot reach the Slack API at https://slack.com/api/ (ECONNREFUSED)" or "Slack refused the token (invalid_auth)". */
export function slackStartFailure(error: unknown, apiUrl: string): string {
  const links = chain(error);
  const apiError = links.map((link) => link.data?.error).find((code) => typeof code === 'string');
  if (typeof apiError === 'string') return `Slack answered auth.test with ${apiError}: check SLACK_BOT_TOKEN (and SLACK_APP_TOKEN in Socket Mode)`;
  const systemCode = links
    .map((link) => link.code)
    .reverse()
    .find((code): code is string => typeof code === 'string' && /^(E[A-Z]+|[A-Z_]*CERT[A-Z_]*|UND_ERR_[A-Z_]+)$/.test(code));
  if (systemCode !== undefined) return `cannot reach the Slack API at ${apiUrl} (${systemCode})`;
  const innermost = links.at(-1)?.message;
  return `Slack did not start: ${typeof innermost === 'string' ? (innermost.split('\n')[0] ?? '') : String(error)}`;
}
