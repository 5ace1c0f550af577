// The probe table and the order probes are tried on a port. A port some probe lists gets that
// probe first, at once; any other port first gets a short listen (SSH, SMTP, FTP, MySQL speak
// first), then the fallback probes in table order. The order is chosen so a wrong guess costs a
// quick rejection, not a wait: text probes ending in CRLF come before binary ones that a text
// server would sit on waiting for a line end.
import type { BytesProbe, ServiceProbe, TlsProbe } from '../probe-types.js';
import { bannerMatches } from './banners.js';
import { httpGet, memcachedVersion, postgresSslRequest, rdpConnectionRequest, redisPing, smbNegotiate } from './requests.js';

export const bannerProbe: BytesProbe = {
  id: 'banner',
  kind: 'bytes',
  payload: null,
  ports: [21, 22, 23, 25, 110, 143, 587, 2222, 3306, 5900],
  fallback: true,
  matches: bannerMatches,
};

export const tlsProbe: TlsProbe = {
  id: 'tls',
  kind: 'tls',
  ports: [443, 465, 563, 636, 853, 990, 992, 993, 995, 2376, 5061, 5986, 6443, 8443, 9443],
  fallback: true,
  bannerFirst: [465, 563, 990, 992, 993, 995],
};

/** Table order is fallback order. */
export const PROBES: readonly ServiceProbe[] = [bannerProbe, httpGet, redisPing, tlsProbe, postgresSslRequest, memcachedVersion, smbNegotiate, rdpConnectionRequest];

/**
 * JetDirect and the like print whatever arrives on these ports (nmap's service probes exclude
 * them too): they are only listened to, never sent a byte.
 */
export const LISTEN_ONLY_PORTS: ReadonlySet<number> = new Set([9100, 9101, 9102, 9103, 9104, 9105, 9106, 9107]);

/** The probes to try on `port`, in order. */
export function probeOrder(port: number): readonly ServiceProbe[] {
  if (LISTEN_ONLY_PORTS.has(port)) return [bannerProbe];
  const likely = PROBES.filter((probe) => probe.ports.includes(port));
  const rest = PROBES.filter((probe) => probe.fallback && !likely.includes(probe));
  // A hinted port skips the wait, but a banner that follows still gets its listen after the likely probes.
  return [...likely, ...rest];
}
