// A /24 of hosts for discovery tests and benchmarks, kept cheap: one host namespace holds all 254
// addresses of 10.232.0.0/24 on its one veth, the scanning namespace routes the block to it, and
// iptables DROPs every packet to the addresses that play dead. Live addresses run the same TCP
// listeners (one lab listener on 0.0.0.0); two play special parts:
//   echoOnly  drops all TCP but answers ping: only ICMP can prove it up (reason echo-reply)
//   refuseOnly drops ICMP and resets every TCP connection: only a refusal proves it up (conn-refused)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLab, startListeners, type Lab, type LabHost } from './lab.js';

export const SUBNET = '10.232.0.0/24';
const base = (host: number): string => `10.232.0.${host}`;

export interface SubnetLab {
  readonly lab: Lab;
  readonly host: LabHost;
  /** 10.232.0.1 to 10.232.0.254, in order. */
  readonly addresses: readonly string[];
  readonly live: ReadonlySet<string>;
  readonly echoOnly: string;
  readonly refuseOnly: string;
  /** TCP ports open on every live address but the two special ones. */
  readonly openPorts: readonly number[];
}

/** `liveCount` live addresses spread over the block (every fifth, from .1), the rest dropping everything. */
export async function createSubnetLab(prefix: string, liveCount = 49, openPorts: readonly number[] = [22, 80, 443]): Promise<SubnetLab> {
  const lab = createLab({ prefix, hosts: [{ name: 'block' }] });
  try {
    const host = lab.host('block');
    const addresses = Array.from({ length: 254 }, (_, index) => base(index + 1));
    const live = addresses.filter((_, index) => index % 5 === 0).slice(0, liveCount);
    const [, echoOnly = '', refuseOnly = ''] = live;
    const dir = mkdtempSync(join(tmpdir(), 'portbot-subnet-'));
    try {
      // One `ip -batch` for 254 addresses instead of 254 processes.
      const batch = join(dir, 'addresses');
      writeFileSync(batch, addresses.map((address) => `address add ${address}/32 dev ${prefix}0h\n`).join(''));
      lab.exec(host.namespace, 'ip', ['-batch', batch]);
      const rules = join(dir, 'rules');
      writeFileSync(
        rules,
        [
          '*filter',
          `-A INPUT -d ${echoOnly} -p tcp -j DROP`,
          `-A INPUT -d ${refuseOnly} -p icmp -j DROP`,
          `-A INPUT -d ${refuseOnly} -p tcp -j REJECT --reject-with tcp-reset`,
          ...live.map((address) => `-A INPUT -d ${address} -j ACCEPT`),
          `-A INPUT -d ${SUBNET} -j DROP`,
          'COMMIT',
          '',
        ].join('\n'),
      );
      lab.exec(host.namespace, 'iptables-restore', [rules]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    lab.exec(lab.scanner, 'ip', ['route', 'add', SUBNET, 'via', host.address]);
    await startListeners(lab, host, { tcpPorts: openPorts });
    return { lab, host, addresses, live: new Set(live), echoOnly, refuseOnly, openPorts };
  } catch (error) {
    lab.destroy();
    throw error;
  }
}
