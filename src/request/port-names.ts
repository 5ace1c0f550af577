// Service names in port lists ("ssh,https", "U:dns"): portbot's curated names and aliases first,
// then IANA's registry, so "http" means 80 and not the SCTP-only row IANA files under "http".
import { closestMatch } from '../knowledge/did-you-mean.js';
import { curatedNamed, serviceVocabulary } from '../knowledge/curated.js';
import { ianaNames, ianaPortsNamed } from '../knowledge/iana.js';
import { topicKey } from '../knowledge/topic-key.js';
import { err, ok, type Result } from '../result.js';
import type { PortProbe, Protocol } from '../scanner/types.js';

/**
 * The ports a service name stands for. With an explicit T:/U: prefix the name's port numbers are
 * taken on that transport; without one, on `protocol` when the service uses it, else on the
 * transports it does use ("ntp" in a TCP list still means 123/udp, where NTP runs).
 */
export function resolveServiceName(name: string, protocol: Protocol, explicit: boolean): Result<readonly PortProbe[], string> {
  const curated = curatedNamed(name);
  if (curated.length > 0) {
    return ok(
      curated.flatMap((entry) =>
        explicit || entry.transports.includes(protocol)
          ? [{ port: entry.port, protocol }]
          : entry.transports.map((transport) => ({ port: entry.port, protocol: transport })),
      ),
    );
  }
  const registered = ianaPortsNamed(name);
  if (registered.length > 0) {
    const onProtocol = registered.filter((row) => row.protocol === protocol);
    if (explicit || onProtocol.length > 0) {
      return ok([...new Set(registered.map((row) => row.port))].map((port) => ({ port, protocol })));
    }
    return ok(registered);
  }
  return err(unknownServiceMessage(name));
}

/** User text echoed in a one-line message, cut short so a pasted blob cannot flood the reply. */
export const shown = (text: string): string => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

function unknownServiceMessage(name: string): string {
  const key = topicKey(name);
  const suggestion = closestMatch(key, serviceVocabulary()) ?? closestMatch(name.toLowerCase(), ianaNames());
  const hint = suggestion === undefined ? '' : ` Did you mean "${suggestion.replace(/ /g, '-')}"?`;
  return `unknown service "${shown(name)}" in the port list.${hint} Use port numbers or service names, e.g. 22,443 or ssh,https`;
}
