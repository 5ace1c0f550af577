// Which datagrams to send to a UDP port: a request its usual service answers, written from the
// protocol's specification (one module per protocol), else an empty datagram, as nmap sends.
import { dnsProbe, mdnsProbe } from './dns.js';
import { ikeProbe } from './ike.js';
import { netbiosProbe } from './netbios.js';
import { ntpProbe } from './ntp.js';
import { snmpProbes } from './snmp.js';
import { ssdpProbe } from './ssdp.js';
import { tftpProbe } from './tftp.js';

type PayloadBuilder = (address: string, family: 4 | 6) => Buffer[];

const BY_PORT: ReadonlyMap<number, PayloadBuilder> = new Map<number, PayloadBuilder>([
  [53, () => [dnsProbe()]],
  [69, () => [tftpProbe()]],
  [123, () => [ntpProbe()]],
  [137, () => [netbiosProbe()]],
  [161, () => snmpProbes()],
  [500, () => [ikeProbe()]],
  [1900, (address, family) => [ssdpProbe(address, family)]],
  [5353, () => [mdnsProbe()]],
]);

/** The datagrams for one probe of `port`; every one is sent, any answer counts. */
export function payloadsFor(port: number, address: string, family: 4 | 6): Buffer[] {
  return BY_PORT.get(port)?.(address, family) ?? [Buffer.alloc(0)];
}

/** Ports that get a protocol request rather than an empty datagram. */
export const portsWithPayloads = (): number[] => [...BY_PORT.keys()];
