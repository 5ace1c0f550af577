// The TLS handshake, the one probe that needs a real protocol engine: node:tls with verification
// off (a scanner reports bad certificates instead of refusing them) and old versions allowed (so
// a server stuck on TLS 1.0 is seen and reported, not mistaken for something that is not TLS).
import { X509Certificate } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { checkServerIdentity, connect, type PeerCertificate, type TLSSocket } from 'node:tls';
import { cleanText } from './sanitize.js';
import type { TlsInfo } from './types.js';

export interface TlsTarget {
  readonly address: string;
  readonly family: 4 | 6;
  readonly port: number;
  /** A host name to send as SNI and check the certificate against; undefined for address targets. */
  readonly name?: string;
}

export interface Handshake {
  readonly socket: TLSSocket;
  readonly info: TlsInfo;
  /** The certificate does not cover `name`. */
  readonly nameMismatch: boolean;
}

/** At most this many subject alternative names are kept (a CDN certificate can carry hundreds). */
const MAX_SAN = 20;

const distinguishedName = (fields: Record<string, string | string[] | undefined> | undefined): string =>
  cleanText(
    Object.entries(fields ?? {})
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : value}`)
      .join(', '),
  );

function signedItself(raw: Buffer): boolean {
  try {
    const certificate = new X509Certificate(raw);
    return certificate.checkIssued(certificate) && certificate.verify(certificate.publicKey);
  } catch {
    return false;
  }
}

function describe(socket: TLSSocket, peer: PeerCertificate): TlsInfo {
  const notAfter = new Date(peer.valid_to);
  const san = (peer.subjectaltname ?? '')
    .split(', ')
    .filter((name) => name !== '')
    .slice(0, MAX_SAN)
    .map((name) => cleanText(name));
  return {
    version: socket.getProtocol() ?? 'unknown',
    subject: distinguishedName(peer.subject),
    ...(san.length > 0 ? { san } : {}),
    issuer: distinguishedName(peer.issuer),
    notAfter: Number.isNaN(notAfter.getTime()) ? '' : notAfter.toISOString(),
    selfSigned: peer.raw !== undefined && signedItself(peer.raw),
  };
}

/**
 * Runs a handshake on `socket` (an upgrade, as after PostgreSQL's 'S') or on a new connection.
 * Resolves null when the other side does not complete one within `timeoutMs`.
 */
export function tlsHandshake(target: TlsTarget, timeoutMs: number, socket?: Duplex): Promise<Handshake | null> {
  return new Promise((resolve) => {
    const tls = connect({
      ...(socket === undefined ? { host: target.address, port: target.port, family: target.family } : { socket }),
      ...(target.name === undefined ? {} : { servername: target.name }),
      rejectUnauthorized: false,
      minVersion: 'TLSv1',
      // Security level 0 lets OpenSSL finish handshakes with old servers, which is what we want to see.
      ciphers: 'DEFAULT:@SECLEVEL=0',
    });
    const timer = setTimeout(() => fail(), Math.max(1, timeoutMs));
    const fail = (): void => {
      clearTimeout(timer);
      tls.destroy();
      resolve(null);
    };
    tls.on('error', fail);
    tls.once('close', fail);
    tls.once('secureConnect', () => {
      clearTimeout(timer);
      tls.off('error', fail);
      tls.off('close', fail);
      tls.on('error', () => undefined);
      const peer = tls.getPeerCertificate();
      const info = describe(tls, peer);
      const nameMismatch = target.name !== undefined && peer.raw !== undefined && checkServerIdentity(target.name, peer) !== undefined;
      resolve({ socket: tls, info, nameMismatch });
    });
  });
}
