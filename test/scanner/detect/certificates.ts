// Certificates made by the test with openssl: a self-signed one, an expired one, and a leaf
// signed by a test CA that expires in five days. Nothing here is a secret of anyone's.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface KeyPair {
  readonly key: string;
  readonly cert: string;
  readonly keyFile: string;
  readonly certFile: string;
}

export interface TestCertificates {
  readonly dir: string;
  /** CN and SAN web.test, valid 30 days, signed by itself. */
  readonly selfSigned: KeyPair;
  /** CN old.test, expired yesterday, signed by itself. */
  readonly expired: KeyPair;
  /** CN and SAN other.test, signed by the test CA, expires in 5 days. */
  readonly expiringSoon: KeyPair;
  /** The test CA that signed `expiringSoon`. */
  readonly ca: KeyPair;
}

export function opensslSkipReason(): string | undefined {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return undefined;
  } catch {
    return 'openssl is not installed: TLS tests skipped (apt-get install openssl)';
  }
}

const openssl = (args: readonly string[]): void => void execFileSync('openssl', args, { stdio: 'ignore' });

function pair(dir: string, name: string): KeyPair {
  const keyFile = join(dir, `${name}.key`);
  const certFile = join(dir, `${name}.pem`);
  return { keyFile, certFile, key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
}

export function makeCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'portbot-certs-'));
  try {
    const file = (name: string): string => join(dir, name);
    const selfSigned = (name: string, subject: string, extra: string[]): void =>
      openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', file(`${name}.key`), '-out', file(`${name}.pem`), '-subj', subject, ...extra]);
    selfSigned('web', '/CN=web.test', ['-days', '30', '-addext', 'subjectAltName=DNS:web.test']);
    selfSigned('ca', '/CN=portbot test CA', ['-days', '30']);
    // `req -x509` cannot backdate; `x509 -days -1` ends the validity a day before it begins.
    openssl(['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', file('old.key'), '-out', file('old.csr'), '-subj', '/CN=old.test']);
    openssl(['x509', '-req', '-in', file('old.csr'), '-signkey', file('old.key'), '-days', '-1', '-out', file('old.pem')]);
    openssl(['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', file('soon.key'), '-out', file('soon.csr'), '-subj', '/CN=other.test', '-addext', 'subjectAltName=DNS:other.test']);
    openssl(['x509', '-req', '-in', file('soon.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca.key'), '-CAcreateserial', '-days', '5', '-copy_extensions', 'copy', '-out', file('soon.pem')]);
    return { dir, selfSigned: pair(dir, 'web'), expired: pair(dir, 'old'), expiringSoon: pair(dir, 'soon'), ca: pair(dir, 'ca') };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
