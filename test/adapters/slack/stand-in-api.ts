// A loopback HTTP server playing the parts of Slack that portbot talks to: the Web API methods
// (as the real WebClient calls them: form-encoded POSTs to /api/<method>), response_urls, and the
// file upload URLs of files.uploadV2. Every call is recorded; faults (429 with Retry-After, 5xx,
// not_in_channel) can be queued per method to drive the client's retry paths. It refuses what
// Slack refuses: blocks over Block Kit's limits (invalid_blocks) or with too much text in all
// (msg_blocks_too_long, which users meet from about 11,300 characters), a response_url used more
// than 5 times or after its lifetime (30 minutes), and replace_original/delete_original on a slash
// command's response_url (Slack documents them for interactive messages only). File uploads are
// checked as Slack checks them: the files:write scope (missing_scope, with `needed`), a filename
// and a positive length (missing_argument), snippets of at most 1 MB (snippet_too_large), and a
// completeUploadExternal only for file ids it handed out; uploaded bytes are kept for tests to read.
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
  /** Scopes the bot token lacks, e.g. ['files:write'] for an app installed without file uploads. */
  readonly missingScopes?: readonly string[];
}

/** What one upload URL received: the multipart file part, byte for byte. */
export interface UploadedFile {
  readonly id: string;
  /** The filename given to files.getUploadURLExternal. */
  readonly filename: string;
  /** The length declared there, in bytes. */
  readonly declaredLength: number;
  readonly bytes: Buffer;
}

/** The scope each file method needs (Slack's reference pages for both methods name files:write). */
const NEEDED_SCOPE: Readonly<Record<string, string>> = { 'files.getUploadURLExternal': 'files:write', 'files.completeUploadExternal': 'files:write' };
/** Slack refuses a snippet (snippet_type given) longer than 1 MB. */
const SNIPPET_LIMIT = 1024 * 1024;

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
  private readonly issuedUploads = new Map<string, { filename: string; length: number }>();
  /** Files whose bytes arrived at their upload URL, in order. */
  readonly uploads: UploadedFile[] = [];
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
    const body = await readBody(request);
    const raw = body.toString('utf8');
    const path = request.url ?? '/';
    const [, kind = '', name = ''] = path.split('/');
    const method = kind === 'api' ? name : kind;
    const args = kind === 'upload' ? { bytes: raw.length, content: raw } : parseArgs(raw, request.headers['content-type'] ?? '');
    if (kind === 'upload') await this.keepUpload(name, body, request.headers['content-type'] ?? '');
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
    const scope = NEEDED_SCOPE[method];
    const unscoped = scope !== undefined && this.options.missingScopes?.includes(scope) === true;
    const outside = method === 'chat.postMessage' && this.outsideChannels.has(String(args['channel'])) ? 'not_in_channel' : undefined;
    const refused =
      fault !== undefined && 'error' in fault
        ? fault.error
        : unscoped
          ? 'missing_scope'
          : (outside ??
            (kind === 'api' ? (blocksRefusal(args['blocks'], this.options.blockTextLimit ?? 11_300) ?? this.fileRefusal(method, args)) : undefined));
    record(200, refused === undefined);
    if (kind === 'upload') {
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    const needed = unscoped ? { needed: scope, provided: 'chat:write,commands,im:write' } : {};
    const answer = refused !== undefined ? { ok: false, error: refused, ...needed } : this.answer(method, args);
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  }

  /** Slack's verdict on the arguments of a file method, or undefined when it takes them. */
  private fileRefusal(method: string, args: Record<string, unknown>): string | undefined {
    if (method === 'files.getUploadURLExternal') {
      const length = Number(args['length']);
      if (typeof args['filename'] !== 'string' || args['filename'] === '' || !Number.isInteger(length) || length <= 0) return 'missing_argument';
      if (args['snippet_type'] !== undefined && length > SNIPPET_LIMIT) return 'snippet_too_large';
      return undefined;
    }
    if (method === 'files.completeUploadExternal') {
      const files = args['files'];
      if (!Array.isArray(files) || files.length === 0) return 'invalid_arguments';
      return files.every((file: { id?: unknown }) => typeof file.id === 'string' && this.issuedUploads.has(file.id)) ? undefined : 'file_not_found';
    }
    return undefined;
  }

  /** The file part of a multipart upload (or the raw body), read with the platform's own parser. */
  private async keepUpload(id: string, body: Buffer, contentType: string): Promise<void> {
    const issued = this.issuedUploads.get(id);
    if (issued === undefined) return;
    let bytes = body;
    if (contentType.startsWith('multipart/form-data')) {
      const form = await new Request('http://stand-in/', { method: 'POST', headers: { 'content-type': contentType }, body }).formData();
      const part = [...form.values()].find((value) => typeof value !== 'string');
      if (part !== undefined && typeof part !== 'string') bytes = Buffer.from(await part.arrayBuffer());
    }
    this.uploads.push({ id, filename: issued.filename, declaredLength: issued.length, bytes });
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
      case 'files.getUploadURLExternal': {
        const id = `F${this.nextTs++}`;
        this.issuedUploads.set(id, { filename: String(args['filename']), length: Number(args['length']) });
        return { ok: true, upload_url: `${this.baseUrl}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal':
        return { ok: true, files: [{ id: 'F1', title: 'result' }] };
      case 'apps.connections.open':
        return { ok: true, url: this.socketUrl };
      default:
        return { ok: true };
    }
  }
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
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
