// A loopback HTTP server playing the parts of Slack that portbot talks to: the Web API methods
// (as the real WebClient calls them: form-encoded POSTs to /api/<method>), response_urls, and the
// file upload URLs of files.uploadV2. Every call is recorded; faults (429 with Retry-After, 5xx,
// not_in_channel) can be queued per method to drive the client's retry paths. It refuses what
// Slack refuses: blocks over Block Kit's limits (invalid_blocks) or with too much text in all
// (msg_blocks_too_long, which users meet from about 11,300 characters), a response_url used more
// than 5 times or after its lifetime (30 minutes), and replace_original/delete_original on a slash
// command's response_url (Slack documents them for interactive messages only).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventEmitter } from 'node:events';

export interface RecordedCall {
  /** A Web API method ("chat.postMessage"), "response" for a response_url, or "upload". */
  readonly method: string;
  /** Which response_url or upload id, for those. */
  readonly id?: string;
  readonly args: Record<string, unknown>;
  /** The HTTP status the stand-in answered with (429 and 5xx attempts are recorded too). */
  readonly status: number;
  /** False for failures: HTTP faults and platform errors ({ ok: false, error }). */
  readonly ok: boolean;
}

export type Fault = { readonly status: 429; readonly retryAfter: number } | { readonly status: 500 | 502 | 503 } | { readonly error: string };

export interface SlackStandInOptions {
  /** Block text (all blocks together) past which messages are refused with msg_blocks_too_long. */
  readonly blockTextLimit?: number;
  /** How long a response_url works after it was handed out. */
  readonly responseUrlLifetimeMs?: number;
}

interface IssuedResponseUrl {
  readonly kind: 'command' | 'action';
  readonly issued: number;
  uses: number;
}

const RESPONSE_URL_USES = 5;

/** Every piece of text in a block tree: what Slack's overall limit on a message counts. */
function blockTextLength(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((sum: number, item) => sum + blockTextLength(item), 0);
  if (typeof node !== 'object' || node === null) return 0;
  return Object.entries(node).reduce((sum, [key, value]) => sum + (key === 'text' && typeof value === 'string' ? value.length : blockTextLength(value)), 0);
}

/** Slack's verdict on a message's blocks, or undefined when it would take them. */
function blocksRefusal(blocks: unknown, limit: number): string | undefined {
  if (!Array.isArray(blocks)) return undefined;
  const tooBig = blocks.length > 50 || blocks.some((block: { type?: unknown; text?: { text?: unknown } }) => block.type === 'section' && typeof block.text?.text === 'string' && block.text.text.length > 3000);
  if (tooBig) return 'invalid_blocks';
  return blockTextLength(blocks) > limit ? 'msg_blocks_too_long' : undefined;
}

export class SlackApiStandIn {
  readonly calls: RecordedCall[] = [];
  /** Set by a Socket Mode test: what apps.connections.open hands out. */
  socketUrl = '';
  /**
   * Channels the bot is not a member of: conversations.info says is_member false and
   * chat.postMessage fails with not_in_channel there, as Slack does. Every other channel has the bot.
   */
  readonly outsideChannels = new Set<string>();
  private readonly faults = new Map<string, Fault[]>();
  private readonly changed = new EventEmitter();
  private readonly responseUrls = new Map<string, IssuedResponseUrl>();
  private nextTs = 1;

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
    private readonly options: SlackStandInOptions,
  ) {}

  static async start(options: SlackStandInOptions = {}): Promise<SlackApiStandIn> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const standIn = new SlackApiStandIn(server, `http://127.0.0.1:${port}`, options);
    server.on('request', (request, response) => void standIn.handle(request, response));
    return standIn;
  }

  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  /** A new response_url, as Slack puts one in a slash command ('command') or a button press ('action'). */
  responseUrl(id: string, kind: IssuedResponseUrl['kind'] = 'command'): string {
    this.responseUrls.set(id, { kind, issued: performance.now(), uses: 0 });
    setTimeout(() => this.changed.emit('expired', id), this.lifetimeMs).unref();
    return `${this.baseUrl}/response/${id}`;
  }

  /** Resolves when the response_url `id` has run out (the stand-in's own clock, as Slack's). */
  responseUrlExpiry(id: string): Promise<void> {
    const issued = this.responseUrls.get(id);
    if (issued === undefined || performance.now() - issued.issued >= this.lifetimeMs) return Promise.resolve();
    return new Promise((resolve) => {
      const check = (expired: string): void => {
        if (expired !== id) return;
        this.changed.off('expired', check);
        resolve();
      };
      this.changed.on('expired', check);
    });
  }

  private get lifetimeMs(): number {
    return this.options.responseUrlLifetimeMs ?? 30 * 60_000;
  }

  /** The next call(s) of `method` fail this way, in order. */
  fail(method: string, ...faults: Fault[]): void {
    this.faults.set(method, [...(this.faults.get(method) ?? []), ...faults]);
  }

  /** Successful calls (status 200, ok) of one method, or all of them. */
  succeeded(method?: string): RecordedCall[] {
    return this.calls.filter((call) => call.ok && (method === undefined || call.method === method));
  }

  /** Resolves once `predicate` holds over the recorded calls (checked on every new call). */
  until(predicate: (calls: readonly RecordedCall[]) => boolean): Promise<void> {
    if (predicate(this.calls)) return Promise.resolve();
    return new Promise((resolve) => {
      const check = (): void => {
        if (!predicate(this.calls)) return;
        this.changed.off('call', check);
        resolve();
      };
      this.changed.on('call', check);
    });
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = await readBody(request);
    const path = request.url ?? '/';
    const [, kind = '', name = ''] = path.split('/');
    const method = kind === 'api' ? name : kind;
    const args = kind === 'upload' ? { bytes: raw.length, content: raw } : parseArgs(raw, request.headers['content-type'] ?? '');
    const fault = this.faults.get(method)?.shift();
    const record = (status: number, ok = status === 200): void => {
      this.calls.push({ method, ...(kind === 'api' ? {} : { id: name }), args, status, ok });
      this.changed.emit('call');
    };
    if (fault !== undefined && 'status' in fault) {
      record(fault.status);
      const headers = fault.status === 429 ? { 'retry-after': String(fault.retryAfter) } : {};
      response.writeHead(fault.status, headers).end(fault.status === 429 ? '' : 'stand-in outage');
      return;
    }
    if (kind === 'response') {
      const refusal = this.responseUrlRefusal(name, args);
      record(refusal === undefined ? 200 : refusal.status, refusal === undefined && fault === undefined);
      if (refusal === undefined) response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      else response.writeHead(refusal.status, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error: refusal.error }));
      return;
    }
    const outside = method === 'chat.postMessage' && this.outsideChannels.has(String(args['channel'])) ? 'not_in_channel' : undefined;
    const refused = fault !== undefined && 'error' in fault ? fault.error : (outside ?? (kind === 'api' ? blocksRefusal(args['blocks'], this.options.blockTextLimit ?? 11_300) : undefined));
    record(200, refused === undefined);
    if (kind === 'upload') {
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    const answer = refused !== undefined ? { ok: false, error: refused } : this.answer(method, args);
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  }

  /** What Slack answers a response_url post it will not take; undefined when it takes it. */
  private responseUrlRefusal(id: string, args: Record<string, unknown>): { status: number; error: string } | undefined {
    const issued = this.responseUrls.get(id);
    if (issued === undefined) return { status: 404, error: 'no_such_url' };
    if (performance.now() - issued.issued >= this.lifetimeMs) return { status: 404, error: 'expired_url' };
    if (issued.uses >= RESPONSE_URL_USES) return { status: 404, error: 'used_url' };
    issued.uses += 1;
    if (issued.kind === 'command' && (args['replace_original'] === true || args['delete_original'] === true)) {
      return { status: 400, error: 'a slash command’s message cannot be replaced or deleted through its response_url' };
    }
    return undefined;
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'UPORTBOT', bot_id: 'BPORTBOT', team_id: 'T0TEAM', team: 'stand-in', url: this.baseUrl };
      case 'chat.postMessage':
        return { ok: true, channel: args['channel'], ts: `1700000000.${String(this.nextTs++).padStart(6, '0')}`, message: {} };
      case 'chat.update':
        return { ok: true, channel: args['channel'], ts: args['ts'] };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `1700000000.${String(this.nextTs++).padStart(6, '0')}` };
      case 'conversations.info': {
        const id = String(args['channel']);
        return { ok: true, channel: { id, is_channel: id.startsWith('C'), is_im: id.startsWith('D'), is_archived: false, ...(id.startsWith('D') ? {} : { is_member: !this.outsideChannels.has(id) }) } };
      }
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(args['users'])}` } };
      case 'files.getUploadURLExternal':
        return { ok: true, upload_url: `${this.baseUrl}/upload/F${this.nextTs}`, file_id: `F${this.nextTs++}` };
      case 'files.completeUploadExternal':
        return { ok: true, files: [{ id: 'F1', title: 'result' }] };
      case 'apps.connections.open':
        return { ok: true, url: this.socketUrl };
      default:
        return { ok: true };
    }
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The WebClient sends forms whose complex values (blocks) are JSON strings; response_urls get JSON. */
function parseArgs(raw: string, contentType: string): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType.includes('json')) return JSON.parse(raw) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = (value.startsWith('[') || value.startsWith('{')) ? tryJson(value) : value;
  }
  return args;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}
