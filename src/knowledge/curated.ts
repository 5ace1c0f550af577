// Lookup tables over the curated data, built once at first use.
import type { Protocol } from '../scanner/types.js';
import { concepts, type Concept } from './concepts/index.js';
import { curatedPorts, type CuratedPort } from './ports/index.js';
import { topicKey } from './topic-key.js';

interface CuratedIndex {
  readonly byPortProtocol: ReadonlyMap<string, CuratedPort>;
  readonly byPort: ReadonlyMap<number, readonly CuratedPort[]>;
  /** Service names and aliases (topic keys) -> entries; "http-alt" names several ports. */
  readonly byName: ReadonlyMap<string, readonly CuratedPort[]>;
  readonly conceptByKey: ReadonlyMap<string, Concept>;
}

let index: CuratedIndex | undefined;

function add<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

function build(): CuratedIndex {
  const byPortProtocol = new Map<string, CuratedPort>();
  const byPort = new Map<number, CuratedPort[]>();
  const byName = new Map<string, CuratedPort[]>();
  for (const entry of curatedPorts) {
    for (const protocol of entry.transports) byPortProtocol.set(`${entry.port}/${protocol}`, entry);
    add(byPort, entry.port, entry);
    for (const name of [entry.service, ...(entry.aliases ?? [])]) add(byName, topicKey(name), entry);
  }
  // TCP first, so "514" means rsh before syslog, as "22" means SSH over TCP.
  for (const entries of byPort.values()) entries.sort((a, b) => (a.transports.includes('tcp') ? 0 : 1) - (b.transports.includes('tcp') ? 0 : 1));
  const conceptByKey = new Map<string, Concept>();
  for (const concept of concepts) {
    for (const name of [concept.id, ...concept.aliases]) conceptByKey.set(topicKey(name), concept);
  }
  return { byPortProtocol, byPort, byName, conceptByKey };
}

const curated = (): CuratedIndex => (index ??= build());

export const curatedFor = (port: number, protocol: Protocol): CuratedPort | undefined =>
  curated().byPortProtocol.get(`${port}/${protocol}`);

export const curatedOnPort = (port: number): readonly CuratedPort[] => curated().byPort.get(port) ?? [];

export const curatedNamed = (name: string): readonly CuratedPort[] => curated().byName.get(topicKey(name)) ?? [];

export const conceptNamed = (name: string): Concept | undefined => curated().conceptByKey.get(topicKey(name));

/** Every name a query may match: concepts first, then services and aliases. */
export function topicVocabulary(): string[] {
  const { conceptByKey, byName } = curated();
  return [...conceptByKey.keys(), ...byName.keys()];
}

/** Curated service names and aliases, for did-you-mean in port lists. */
export const serviceVocabulary = (): string[] => [...curated().byName.keys()];
