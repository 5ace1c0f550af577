import type { HostProber } from '../types.js';

/** UDP probes as nmap -sU. STUB: replaced by the UDP work. */
export const probeUdp: HostProber = () => Promise.reject(new Error('UDP scanning is not implemented yet'));
