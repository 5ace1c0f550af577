// Real servers from Debian's packages, started inside a lab host namespace with a temporary
// directory and configuration of their own, and stopped with the lab (lab.destroy kills every
// process in its namespaces). Used by the detection tests and benchmarks.
//   serversSkipReason(): why they cannot run here (a binary missing), or undefined
//   startSshd / startRedis / startPostgres / startOpensslServer / startWebServers(lab, host, dir, ...)
//   waitForPorts(lab, host, ports): resolves once every port accepts, seen from the scanning namespace
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lab, LabHost } from './lab.js';

/** nobody: PostgreSQL refuses to run as root. */
const NOBODY = 65534;
const SSHD = '/usr/sbin/sshd';

const onPath = (name: string): string | undefined => {
  try {
    return execFileSync('which', [name], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
};

/** Debian keeps PostgreSQL's programs in /usr/lib/postgresql/<version>/bin, off the PATH. */
export function postgresBin(name: 'initdb' | 'postgres'): string | undefined {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    for (const version of readdirSync(root).sort().reverse()) {
      const path = join(root, version, 'bin', name);
      if (existsSync(path)) return path;
    }
  }
  return onPath(name);
}

export function serversSkipReason(): string | undefined {
  const missing = [
    ['openssh-server', existsSync(SSHD) ? SSHD : undefined],
    ['redis-server', onPath('redis-server')],
    ['postgresql', postgresBin('initdb')],
    ['openssl', onPath('openssl')],
    ['util-linux (setpriv)', onPath('setpriv')],
  ].filter(([, path]) => path === undefined);
  if (missing.length === 0) return undefined;
  return `real servers missing: ${missing.map(([name]) => name).join(', ')} (apt-get install openssh-server redis-server postgresql openssl): skipped`;
}

const script = (name: string): string => fileURLToPath(new URL(name, import.meta.url));

export function waitForPorts(lab: Lab, host: LabHost, ports: readonly number[]): void {
  lab.exec(lab.scanner, process.execPath, [script('./wait-ports-main.js'), host.address, ports.join(','), '30000']);
}

/** sshd in the foreground on `ports`, with a host key made now. */
export function startSshd(lab: Lab, host: LabHost, dir: string, ports: readonly number[]): void {
  // sshd insists on its privilege separation directory, which packages create at boot.
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const key = join(dir, 'ssh_host_ed25519_key');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', key]);
  const config = join(dir, 'sshd_config');
  writeFileSync(config, [...ports.map((port) => `Port ${port}`), `HostKey ${key}`, `PidFile ${join(dir, 'sshd.pid')}`, 'UsePAM no', ''].join('\n'));
  lab.spawn(host.namespace, SSHD, ['-D', '-f', config, '-E', join(dir, 'sshd.log')], { quiet: true });
}

export function startRedis(lab: Lab, host: LabHost, dir: string, port: number, options: { password?: string } = {}): void {
  const data = join(dir, `redis-${port}`);
  mkdirSync(data, { recursive: true });
  const auth = options.password === undefined ? [] : ['--requirepass', options.password];
  lab.spawn(host.namespace, 'redis-server', ['--port', String(port), '--bind', '0.0.0.0', '--protected-mode', 'no', '--save', '', '--appendonly', 'no', '--dir', data, '--logfile', join(data, 'redis.log'), ...auth]);
}

/** A cluster made now by initdb, run as nobody; with `tls`, ssl=on with that certificate. */
export function startPostgres(lab: Lab, host: LabHost, dir: string, port: number, options: { tls?: { certFile: string; keyFile: string } } = {}): void {
  const home = join(dir, `postgres-${port}`);
  // mkdtemp makes a private directory: nobody must be able to walk through it.
  chmodSync(dir, 0o755);
  mkdirSync(home, { recursive: true });
  chownSync(home, NOBODY, NOBODY);
  const asNobody = ['--reuid', String(NOBODY), '--regid', String(NOBODY), '--clear-groups'];
  const data = join(home, 'data');
  execFileSync('setpriv', [...asNobody, postgresBin('initdb')!, '-D', data, '-A', 'trust', '-U', 'postgres', '--no-locale', '-E', 'UTF8'], { stdio: 'ignore' });
  const settings = ['-c', 'listen_addresses=*', '-c', `unix_socket_directories=${home}`];
  if (options.tls !== undefined) {
    // PostgreSQL wants its key private to the user it runs as.
    for (const [from, name] of [[options.tls.certFile, 'server.crt'], [options.tls.keyFile, 'server.key']] as const) {
      copyFileSync(from, join(data, name));
      chownSync(join(data, name), NOBODY, NOBODY);
      chmodSync(join(data, name), 0o600);
    }
    settings.push('-c', 'ssl=on');
  }
  lab.spawn(host.namespace, 'setpriv', [...asNobody, postgresBin('postgres')!, '-D', data, '-p', String(port), ...settings], { quiet: true });
}

/** `openssl s_server -www`: TLS with the given certificate, a status page inside. */
export function startOpensslServer(lab: Lab, host: LabHost, port: number, pair: { certFile: string; keyFile: string }): void {
  // Probes that are not TLS make it print errors: those are expected here.
  const server = lab.spawn(host.namespace, 'openssl', ['s_server', '-accept', String(port), '-cert', pair.certFile, '-key', pair.keyFile, '-www', '-quiet'], { quiet: true });
  server.stdout?.resume();
}

/** Node's http and https servers (test/lab/web-main.ts). */
export function startWebServers(lab: Lab, host: LabHost, servers: readonly { port: number; tls?: { certFile: string; keyFile: string } }[]): void {
  const args = servers.map(({ port, tls }) => (tls === undefined ? `http:${port}` : `https:${port}:${tls.certFile}:${tls.keyFile}`));
  lab.spawn(host.namespace, process.execPath, [script('./web-main.js'), ...args]);
}

const PYTHON = '/usr/bin/python3';

/** Whether Debian's Python is here, for startPythonWebServer. */
export const pythonAvailable = (): boolean => existsSync(PYTHON);

/** Python's http.server on `port` (what people start for a quick share), behind TLS when `tls` is given. */
export function startPythonWebServer(lab: Lab, host: LabHost, dir: string, port: number, tls?: { certFile: string; keyFile: string }): void {
  const wrap = tls === undefined ? '' : `c=ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER);c.load_cert_chain(${JSON.stringify(tls.certFile)},${JSON.stringify(tls.keyFile)});s.socket=c.wrap_socket(s.socket,server_side=True);`;
  const code = `import http.server,ssl,functools;h=functools.partial(http.server.SimpleHTTPRequestHandler,directory=${JSON.stringify(dir)});s=http.server.ThreadingHTTPServer(('0.0.0.0',${port}),h);${wrap}s.serve_forever()`;
  lab.spawn(host.namespace, PYTHON, ['-c', code], { quiet: true });
}
