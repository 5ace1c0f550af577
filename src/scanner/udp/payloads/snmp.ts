// SNMP GetRequest for sysDescr.0 with community "public": RFC 1157 §4.1 (v1, version 0) and
// RFC 1901 + RFC 3416 §3 (community-based v2c, version 1; same GetRequest-PDU shape).
// An agent that accepts the community answers with a GetResponse; a wrong community is
// silently dropped (RFC 1157 §4.1), which is why SNMP can read as open|filtered.
import { berInteger, berNull, berOctetString, berOid, berSequence, tlv } from './ber.js';

export const SYS_DESCR_OID = '1.3.6.1.2.1.1.1.0';
export const SNMP_VERSION = { v1: 0, v2c: 1 } as const;
const GET_REQUEST_PDU = 0xa0; // context-specific, constructed, tag 0

export function snmpGetRequest(version: number, community: string, requestId: number, oid: string = SYS_DESCR_OID): Buffer {
  const varbind = berSequence(berOid(oid), berNull());
  const pdu = tlv(GET_REQUEST_PDU, Buffer.concat([berInteger(requestId), berInteger(0), berInteger(0), berSequence(varbind)]));
  return berSequence(berInteger(version), berOctetString(community), pdu);
}

export const snmpProbes = (): Buffer[] => [
  snmpGetRequest(SNMP_VERSION.v1, 'public', 0x7062),
  snmpGetRequest(SNMP_VERSION.v2c, 'public', 0x7063),
];
