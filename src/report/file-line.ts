// The line an answer gains about the file a scan asked for ("/scan web-1 xml"): where it went, or
// why it is not there and how to get the same document anyway. Adapters decide the fate (Slack's
// upload, Discord's limits, the console's disk); the words are the same everywhere.
import type { Reply, ReplyFile } from './reply.js';

export type FileFate =
  /** Attached, e.g. where: "in this message's thread". */
  | { readonly kind: 'attached'; readonly where?: string }
  /** Larger than the platform takes, e.g. limit: "Discord takes 10 MiB of files per message". */
  | { readonly kind: 'too-large'; readonly limit: string }
  /** The platform refused the upload, e.g. why: "the Slack app lacks the files:write scope". */
  | { readonly kind: 'refused'; readonly why: string }
  /** The console wrote it to disk. */
  | { readonly kind: 'saved'; readonly path: string }
  | { readonly kind: 'not-saved'; readonly path: string; readonly why: string };

/** "12.3 MB": sizes people compare with a platform's limit. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

export function fileLine(file: ReplyFile, fate: FileFate): string {
  const size = fileSize(Buffer.byteLength(file.content));
  const instead = `the same file comes from "${file.cliCommand}" on portbot's host`;
  switch (fate.kind) {
    case 'attached':
      return `The ${file.label} is attached as ${file.filename} (${size})${fate.where === undefined ? '' : ` ${fate.where}`}.`;
    case 'too-large':
      return `The ${file.label} (${size}) is too large to attach: ${fate.limit}; ${instead}.`;
    case 'refused':
      return `The ${file.label} could not be attached: ${fate.why}; ${instead}.`;
    case 'saved':
      return `The ${file.label} (${size}) was saved to ${fate.path}`;
    case 'not-saved':
      return `The ${file.label} could not be saved to ${fate.path}: ${fate.why}; ${instead}.`;
  }
}

/** The answer with the line about its file among its notes, which every adapter shows. */
export function withFileLine(reply: Reply, fate: FileFate): Reply {
  return reply.file === undefined ? reply : { ...reply, notes: [...reply.notes, fileLine(reply.file, fate)] };
}
