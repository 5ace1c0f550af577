// The UDP prober (nmap -sU): open/udp-response, closed/port-unreach, filtered with the ICMP
// reason the OS reports, open|filtered/no-response. Timing is an internal knob for tests and benchmarks.
import { socketCeiling } from '../fd-limit.js';
import type { HostProber } from '../types.js';
import { UdpHostScan } from './host-scan.js';
import { defaultUdpTiming, type UdpTiming } from './timing.js';

export type { UdpTiming } from './timing.js';
export { defaultUdpTiming } from './timing.js';
export { udpSilenceNote } from './silence-notes.js';

export function createUdpProber(settings: { readonly timing?: UdpTiming } = {}): HostProber {
  const timing = settings.timing ?? defaultUdpTiming;
  return (address, ports, options) => new UdpHostScan(address, ports, options, timing, socketCeiling).run();
}

/** UDP probes as nmap -sU. */
export const probeUdp: HostProber = createUdpProber();
