// A loopback HTTP server playing Discord's REST API for the real discord.js client: it records
// every call (JSON or multipart bodies alike) and answers with the shapes Discord answers with.
// A test can make a route answer 429 once, to check that discord.js waits and nothing double-posts.
// It refuses what Discord refuses: a message whose components share a custom_id (400, 50035), and
// any use of an interaction token after its lifetime (401, 50027 "Invalid Webhook Token"), more
// than 10 files in one message (400, 50035) and files over the upload limit of a guild without
// boosts, 10 MiB a request since 2025-01-16 (413, 40005 "Request entity too large").
import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { snowflake, type StandInIds } from './ids.js';

/** The parts of a message or callback body that tests read. */
export interface SentBody {
  readonly type?: number;
  readonly data?: { readonly flags?: number; readonly content?: string; readonly choices?: readonly { readonly name: string; readonly value: string }[] };
  readonly content?: string;
  readonly flags?: number;
  readonly embeds?: readonly SentEmbed[];
  readonly components?: readonly { readonly type: number; readonly components: readonly SentButton[] }[];
  readonly allowed_mentions?: unknown;
  readonly message_reference?: { readonly message_id?: string };
  readonly recipient_id?: string;
}
export interface SentEmbed {
  readonly title?: string;
  readonly description?: string;
  readonly color?: number;
  readonly fields?: readonly { readonly name: string; readonly value: string }[];
  readonly footer?: { readonly text: string };
}
export interface SentButton {
  readonly type: number;
  readonly style: number;
  readonly label: string;
  readonly custom_id: string;
}

export interface RecordedCall {
  readonly method: string;
  /** Path after the version prefix, e.g. "/interactions/1/tok/callback". */
  readonly path: string;
  readonly query: URLSearchParams;
  /** The JSON body, or a multipart request's payload_json, as sent; null when there was none. */
  readonly json: unknown;
  /** The same, typed for reading; {} when the body was not an object. */
  readonly body: SentBody;
  readonly files: readonly { readonly name: string; readonly text: string; readonly bytes: number }[];
  readonly status: number;
  /** When the stand-in received it (performance.now()), to check that a 429's wait was kept. */
  readonly at: number;
}

interface FailureRule {
  readonly method: string;
  readonly path: RegExp;
  readonly status: number;
  readonly answer: unknown;
  readonly headers: Record<string, string>;
}

async function readBody(request: IncomingMessage): Promise<{ body: unknown; files: RecordedCall['files'] }> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const type = request.headers['content-type'] ?? '';
  if (raw.length === 0) return { body: null, files: [] };
  if (type.startsWith('multipart/form-data')) {
    // The platform's own multipart parser, so the stand-in reads exactly what was sent.
    const form = await new Request('http://stand-in/', { method: 'POST', headers: { 'content-type': type }, body: raw }).formData();
    const files: { name: string; text: string; bytes: number }[] = [];
    let body: unknown = null;
    for (const [key, value] of form.entries()) {
      if (key === 'payload_json' && typeof value === 'string') body = JSON.parse(value) as unknown;
      else if (typeof value !== 'string') files.push({ name: value.name, text: await value.text(), bytes: value.size });
    }
    return { body, files };
  }
  return { body: JSON.parse(raw.toString('utf8')) as unknown, files: [] };
}

/** Every custom_id in a components tree, in order. */
function customIds(components: unknown): string[] {
  if (!Array.isArray(components)) return [];
  return components.flatMap((component: unknown) => {
    if (typeof component !== 'object' || component === null) return [];
    const own = (component as { custom_id?: unknown }).custom_id;
    return [...(typeof own === 'string' ? [own] : []), ...customIds((component as { components?: unknown }).components)];
  });
}

/** Discord's answer to a message whose buttons share an id, or null when they are all unique. */
function duplicateCustomId(body: unknown): unknown {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const data = typeof record['data'] === 'object' && record['data'] !== null ? (record['data'] as Record<string, unknown>) : {};
  const ids = customIds(record['components'] ?? data['components']);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate === undefined) return null;
  return { message: 'Invalid Form Body', code: 50035, errors: { components: { _errors: [{ code: 'COMPONENT_CUSTOM_ID_DUPLICATED', message: 'Component custom id cannot be duplicated' }] } } };
}

/** Discord's files per message. */
const MAX_FILES = 10;

/** Discord's answer to a message's files it will not take, or null when it takes them. */
function filesRefusal(files: RecordedCall['files'], limitBytes: number): [number, unknown] | null {
  if (files.length > MAX_FILES) {
    return [400, { message: 'Invalid Form Body', code: 50035, errors: { files: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${MAX_FILES} or fewer in length.` }] } } }];
  }
  const total = files.reduce((sum, file) => sum + file.bytes, 0);
  return total > limitBytes ? [413, { message: 'Request entity too large', code: 40005 }] : null;
}

/** The interaction token in a callback or webhook path, if any. */
const tokenIn = (path: string): string | undefined => /^\/(?:interactions\/\d+|webhooks\/\d+)\/([^/]+)/.exec(path)?.[1];

export class RestStandIn extends EventEmitter {
  readonly calls: RecordedCall[] = [];
  private readonly failures: FailureRule[] = [];
  gatewayUrl = '';
  /** Bytes of files one request may carry: 10 MiB, the default of a guild without boosts. */
  uploadLimitBytes = 10 * 1024 * 1024;
  /** When each interaction token was handed out (dispatched over the gateway). */
  private readonly tokensIssued = new Map<string, number>();
  /** Registered commands, per scope: "global" or a guild id. */
  readonly commands = new Map<string, Record<string, unknown>[]>();

  constructor(
    private readonly ids: StandInIds,
    private readonly tokenLifetimeMs: number = 15 * 60_000,
  ) {
    super();
  }

  /** An interaction with this token has just been sent to the client; it works for the token lifetime. */
  issueToken(token: string): void {
    this.tokensIssued.set(token, performance.now());
    setTimeout(() => this.emit('expired', token), this.tokenLifetimeMs).unref();
  }

  /** Resolves when `token` has run out (emitted by the stand-in's own clock, as Discord's would). */
  tokenExpiry(token: string): Promise<void> {
    if (this.expired(token)) return Promise.resolve();
    return new Promise((resolve) => {
      const check = (expired: string): void => {
        if (expired !== token) return;
        this.off('expired', check);
        resolve();
      };
      this.on('expired', check);
    });
  }

  /** True once a token handed out has outlived its lifetime (what Discord then answers 401 to). */
  expired(token: string): boolean {
    const issued = this.tokensIssued.get(token);
    return issued !== undefined && performance.now() - issued >= this.tokenLifetimeMs;
  }

  /** The next call matching method and path gets a 429 with this retry-after; later ones succeed. */
  rateLimitOnce(method: string, path: RegExp, retryAfterSeconds: number): void {
    const answer = { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global: false };
    this.failures.push({ method, path, status: 429, answer, headers: { 'retry-after': String(Math.ceil(retryAfterSeconds)), 'x-ratelimit-scope': 'user' } });
  }

  /** The next call matching method and path fails with this status and Discord error body. */
  failOnce(method: string, path: RegExp, status: number, answer: { message: string; code: number }): void {
    this.failures.push({ method, path, status, answer, headers: {} });
  }

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v\d+/, '');
    const method = request.method ?? 'GET';
    const at = performance.now();
    const { body, files } = await readBody(request);
    const failing = this.failures.findIndex((rule) => rule.method === method && rule.path.test(path));
    let status: number;
    let answer: unknown;
    const token = tokenIn(path);
    const duplicate = method === 'POST' || method === 'PATCH' ? duplicateCustomId(body) : null;
    const tooMany = filesRefusal(files, this.uploadLimitBytes);
    if (token !== undefined && this.expired(token)) {
      [status, answer] = [401, { message: 'Invalid Webhook Token', code: 50027 }];
    } else if (failing >= 0) {
      const rule = this.failures.splice(failing, 1)[0]!;
      status = rule.status;
      answer = rule.answer;
      for (const [name, value] of Object.entries(rule.headers)) response.setHeader(name, value);
    } else if (duplicate !== null) {
      [status, answer] = [400, duplicate];
    } else if (tooMany !== null) {
      [status, answer] = tooMany;
    } else {
      [status, answer] = this.route(method, path, body);
    }
    const typed = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as SentBody) : {};
    const call: RecordedCall = { method, path, query: url.searchParams, json: body, body: typed, files, status, at };
    this.calls.push(call);
    if (answer === null) response.writeHead(status).end();
    else response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    this.emit('call', call);
  }

  private message(channelId: string, body: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      id: snowflake(),
      channel_id: channelId,
      author: this.ids.botUser,
      content: body['content'] ?? '',
      embeds: body['embeds'] ?? [],
      components: body['components'] ?? [],
      attachments: [],
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: body['flags'] ?? 0,
      type: 0,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      pinned: false,
      ...extra,
    };
  }

  private route(method: string, path: string, json: unknown): [number, unknown] {
    const { ids } = this;
    const body = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
    let match: RegExpExecArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      return [200, { url: this.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } }];
    }
    if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return [204, null];
    if (/^\/webhooks\/\d+\/[^/]+\/messages\/(@original|\d+)$/.test(path)) {
      if (method === 'DELETE') return [204, null];
      if (method === 'PATCH') return [200, this.message(ids.channelId, body, { webhook_id: ids.applicationId })];
    }
    if (method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(path)) return [200, this.message(ids.channelId, body, { webhook_id: ids.applicationId })];
    if ((match = /^\/channels\/(\d+)\/messages$/.exec(path)) !== null && method === 'POST') return [200, this.message(match[1]!, body)];
    if ((match = /^\/channels\/(\d+)\/messages\/(\d+)$/.exec(path)) !== null) {
      if (method === 'DELETE') return [204, null];
      if (method === 'PATCH') return [200, { ...this.message(match[1]!, body), id: match[2]! }];
    }
    // A bot may look up any user and the channels it can see (a restarted bot posting to a stored place).
    if (method === 'GET' && (match = /^\/users\/(\d+)$/.exec(path)) !== null) return [200, { id: match[1]!, username: `user${match[1]!.slice(-4)}`, discriminator: '0', avatar: null, global_name: null }];
    if (method === 'GET' && (match = /^\/channels\/(\d+)$/.exec(path)) !== null) {
      if (match[1] === ids.channelId) return [200, { id: ids.channelId, type: 0, guild_id: ids.guildId, name: 'general', position: 0, permission_overwrites: [] }];
      return [404, { message: 'Unknown Channel', code: 10003 }];
    }
    if (method === 'POST' && path === '/users/@me/channels') {
      return [200, { id: ids.dmChannelFor(String(body['recipient_id'])), type: 1, recipients: [{ id: String(body['recipient_id']), username: 'someone', discriminator: '0', avatar: null, global_name: null }], last_message_id: null }];
    }
    if ((match = /^\/applications\/\d+(?:\/guilds\/(\d+))?\/commands$/.exec(path)) !== null) {
      const scope = match[1] ?? 'global';
      if (method === 'GET') return [200, this.commands.get(scope) ?? []];
      if (method === 'PUT') {
        const commands = Array.isArray(json) ? (json as Record<string, unknown>[]) : [];
        const stored = commands.map((command) => ({ ...command, id: snowflake(), application_id: ids.applicationId, version: snowflake() }));
        this.commands.set(scope, stored);
        return [200, stored];
      }
    }
    return [404, { message: 'Unknown route in the stand-in', code: 0 }];
  }
}
