// A loopback HTTP server playing the parts of Slack that portbot talks to: the Web API methods
// (as the real WebClient calls them: form-encoded POSTs to /api/<method>), response_urls, and the
// file upload URLs of files.uploadV2. Every call is recorded; faults (429 with Retry-After, 5xx,
// not_in_channel) can be queued per method to drive the client's retry paths.
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

export class SlackApiStandIn {
  readonly calls: RecordedCall[] = [];
  /** Set by a Socket Mode test: what apps.connections.open hands out. */
  socketUrl = '';
  private readonly faults = new Map<string, Fault[]>();
  private readonly changed = new EventEmitter();
  private nextTs = 1;

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<SlackApiStandIn> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const standIn = new SlackApiStandIn(server, `http://127.0.0.1:${port}`);
    server.on('request', (request, response) => void standIn.handle(request, response));
    return standIn;
  }

  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.baseUrl}/response/${id}`;
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
    record(200, fault === undefined);
    if (kind === 'response' || kind === 'upload') {
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    const answer = fault !== undefined && 'error' in fault ? { ok: false, error: fault.error } : this.answer(method, args);
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
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
