// Loopback servers with banners for the chat tests of service detection: an FTP server that
// offers no TLS (a product, a version and a cleartext-login finding), and hostile servers whose
// every word is an attack on a chat: mentions, masked links, markdown, terminal escapes and
// control characters in an HTTP Server header and page title, an SSH identification line, and the
// subject and names of a self-signed TLS certificate (made here with openssl).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';

export const FTP_GREETING = '220 ProFTPD 1.3.8 Server (portbot test) [127.0.0.1]\r\n';
/** The HTTP server's Server header: parsed as product, version and info. */
export const HOSTILE_SERVER = '<!channel> <@U0BOSS> @everyone <@&1234567890>/6.6.6 [click](https://evil.example) *bold*';
/** A title cannot hold "<" (HTML ends it there), so the mentions in it are bare words. */
export const HOSTILE_TITLE = '@everyone @here [click](http://evil.example) *pwn* _it_ ~gone~ `code` > quote';
/** An SSH line with a terminal escape, a bell, a NUL and a backspace around its words. */
export const HOSTILE_SSH = 'SSH-2.0-Evil\u001b[2J\u0007RED\u0000_9.9 <!here> *bold* @everyone \u0008[x](http://evil.example)\r\n';

/** The certificate's subject and names (openssl escapes the slashes in -subj). */
export const HOSTILE_CN = '<!channel> *bold* @everyone [x](http://evil.example)';
const HOSTILE_SUBJECT = `/CN=${HOSTILE_CN.replace(/\//g, '\\/')}/O=<@U0BOSS> _it_`;
const HOSTILE_SAN = 'subjectAltName=DNS:@here.example,DNS:*pwn*.example';

export interface BannerServers {
  readonly ftp: number;
  readonly http: number;
  readonly ssh: number;
  /** HTTP inside TLS, with a self-signed certificate whose subject and names are hostile. */
  readonly tls: number;
  close(): Promise<void>;
}

function hostileCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'portbot-hostile-'));
  try {
    const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '30', '-subj', HOSTILE_SUBJECT, '-addext', HOSTILE_SAN], { stdio: 'ignore' });
    return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function listen(handle: (socket: Socket) => void): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => {
    socket.on('error', () => undefined);
    handle(socket);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port })));
}

export async function startBannerServers(): Promise<BannerServers> {
  const ftp = await listen((socket) => {
    socket.write(FTP_GREETING);
    // FEAT lists no AUTH TLS: logins would cross the network in clear text.
    socket.on('data', (data: Buffer) => {
      if (/^FEAT/m.test(data.toString('latin1'))) socket.write('211-Features:\r\n MDTM\r\n SIZE\r\n211 End\r\n');
    });
  });
  const http = await listen((socket) =>
    socket.once('data', () => socket.end(`HTTP/1.0 200 OK\r\nServer: ${HOSTILE_SERVER}\r\nContent-Type: text/html\r\n\r\n<html><title>${HOSTILE_TITLE}</title></html>`)),
  );
  const ssh = await listen((socket) => socket.end(Buffer.from(HOSTILE_SSH, 'latin1')));
  const tlsServer = createTlsServer(hostileCertificate(), (socket) => {
    socket.on('error', () => undefined);
    socket.once('data', () => socket.end('HTTP/1.0 200 OK\r\nServer: nginx/1.22.1\r\n\r\n<title>inside</title>'));
  });
  const tls = await new Promise<{ server: Server; port: number }>((resolve) =>
    tlsServer.listen(0, '127.0.0.1', () => resolve({ server: tlsServer, port: (tlsServer.address() as { port: number }).port })),
  );
  const servers = [ftp, http, ssh, tls];
  return {
    ftp: ftp.port,
    http: http.port,
    ssh: ssh.port,
    tls: tls.port,
    close: async () => {
      await Promise.all(servers.map(({ server }) => new Promise((resolve) => server.close(resolve))));
    },
  };
}
