// The neutral answer every command produces. Adapters render it (Block Kit, embeds, ANSI); the core
// never emits markup, so every string here is plain text that the adapter must escape.
import type { PortState } from '../scanner/types.js';

export type ReplyTone = 'info' | 'success' | 'warning' | 'danger' | 'progress';

/** Channel: everyone sees it. Requester: only the person who asked (Slack ephemeral, Discord ephemeral). */
export type ReplyVisibility = 'channel' | 'requester';

export interface ReplyRow {
  /** The host, set only when a reply covers several hosts, e.g. "web-1 (10.0.0.5)". */
  readonly host?: string;
  /** e.g. "22/tcp" */
  readonly port: string;
  readonly state: PortState;
  readonly service: string;
  readonly reason: string;
  /** One-line plain-language note (open ports). */
  readonly note?: string;
  /** Risky when exposed: cleartext logins, remote desktop, file sharing, databases, admin panels. */
  readonly warning?: boolean;
  /** What answered, as service detection read it: "OpenSSH 9.2p1 (protocol 2.0)". Text a server sent. */
  readonly version?: string;
  /** Lines beside the port from service detection: the TLS certificate, then each finding. */
  readonly findings?: readonly ReplyFinding[];
}

export interface ReplyFinding {
  readonly text: string;
  /** Worth acting on (an expired certificate, a database without a password): shown with a risk mark. */
  readonly warning: boolean;
}

export interface ReplySection {
  readonly heading: string;
  readonly text: string;
}

export type ReplyAction =
  | { readonly kind: 'rescan'; readonly label: string; readonly command: string }
  | { readonly kind: 'cancel'; readonly label: string; readonly scanId: string }
  | { readonly kind: 'explain'; readonly label: string; readonly query: string };

export interface ReplyAttachment {
  readonly filename: string;
  /** The complete result; adapters attach it whenever they cannot show everything. */
  readonly json: unknown;
}

/**
 * A document the person asked for ("/scan web-1 xml"): attached to every final answer that carries
 * it, cut or not, beside the JSON attachment. The bytes come from the writers of `portbot scan
 * --xml|--csv`, so a file from chat reads in the same tools as one from the CLI.
 */
export interface ReplyFile {
  /** Safe characters only, e.g. "portbot-web-1-s3k9p.xml". */
  readonly filename: string;
  readonly mimeType: string;
  /** What lines call it: "XML document". */
  readonly label: string;
  /** The same document from the terminal, for a line when the file cannot be attached. */
  readonly cliCommand: string;
  readonly content: string;
}

export interface Reply {
  readonly title: string;
  /** One line, e.g. "web-1 (10.0.0.5): 3 open, 997 closed, scanned 1,000 ports in 1.2 s". */
  readonly summary: string;
  readonly tone: ReplyTone;
  readonly visibility: ReplyVisibility;
  readonly rows: readonly ReplyRow[];
  /** nmap-style folding line, e.g. "Not shown: 997 closed tcp ports (conn-refused)". */
  readonly folded?: string;
  readonly sections: readonly ReplySection[];
  readonly notes: readonly string[];
  readonly actions: readonly ReplyAction[];
  readonly attachment?: ReplyAttachment;
  readonly file?: ReplyFile;
}
