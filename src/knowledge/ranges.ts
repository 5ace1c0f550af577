import type { PortExplanation } from './types.js';

export const MAX_PORT = 65535;

/** IANA's three ranges (RFC 6335): system 0-1023, user 1024-49151, dynamic 49152-65535. */
export function portRange(port: number): PortExplanation['range'] {
  if (port <= 1023) return 'well-known';
  if (port <= 49151) return 'registered';
  return 'dynamic';
}

const rangeText: Record<PortExplanation['range'], string> = {
  'well-known': 'the well-known range (0-1023), which IANA keeps for core internet services',
  registered: 'the registered range (1024-49151), which IANA assigns to applications on request',
  dynamic: 'the dynamic range (49152-65535), which IANA never assigns: operating systems take temporary client ports from it and any application may use it',
};

/** "the registered range (1024-49151), which ..." */
export const describeRange = (port: number): string => rangeText[portRange(port)];
