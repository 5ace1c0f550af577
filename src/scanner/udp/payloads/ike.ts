// IKEv1 main mode opening message, RFC 2408 §3 (ISAKMP header, SA, proposal and transform
// payloads) with attributes from RFC 2409 Appendix A. A responder answers with its own SA
// choice or a NOTIFY (e.g. NO-PROPOSAL-CHOSEN); either proves the port open.
import { randomBytes } from 'node:crypto';

export const ISAKMP = { NEXT_SA: 1, VERSION_1_0: 0x10, MAIN_MODE: 2, DOI_IPSEC: 1, SIT_IDENTITY_ONLY: 1, PROTO_ISAKMP: 1, KEY_IKE: 1 } as const;

/** RFC 2409 Appendix A: attribute type -> value, sent in the short TV form (AF bit set). */
const TRANSFORM_ATTRIBUTES: readonly (readonly [number, number])[] = [
  [1, 5], // encryption: 3DES-CBC
  [2, 2], // hash: SHA
  [3, 1], // authentication: pre-shared key
  [4, 2], // Diffie-Hellman group 2 (MODP 1024)
  [11, 1], // life type: seconds
  [12, 28800], // life duration: 8 hours
];

/** Generic payload header (RFC 2408 §3.2): next payload, reserved, 16-bit length of the whole payload. */
function payload(nextPayload: number, body: Buffer): Buffer {
  const header = Buffer.alloc(4);
  header[0] = nextPayload;
  header.writeUInt16BE(body.length + 4, 2);
  return Buffer.concat([header, body]);
}

export function ikeProbe(initiatorCookie: Buffer = randomBytes(8)): Buffer {
  const attributes = Buffer.alloc(TRANSFORM_ATTRIBUTES.length * 4);
  TRANSFORM_ATTRIBUTES.forEach(([type, value], index) => {
    attributes.writeUInt16BE(0x8000 | type, index * 4);
    attributes.writeUInt16BE(value, index * 4 + 2);
  });
  // Transform (§3.6): number 1, KEY_IKE, two reserved bytes, then attributes.
  const transform = payload(0, Buffer.concat([Buffer.from([1, ISAKMP.KEY_IKE, 0, 0]), attributes]));
  // Proposal (§3.5): number 1, PROTO_ISAKMP, SPI size 0, one transform.
  const proposal = payload(0, Buffer.concat([Buffer.from([1, ISAKMP.PROTO_ISAKMP, 0, 1]), transform]));
  // SA (§3.4): DOI and situation, 32 bits each.
  const saBody = Buffer.alloc(8);
  saBody.writeUInt32BE(ISAKMP.DOI_IPSEC, 0);
  saBody.writeUInt32BE(ISAKMP.SIT_IDENTITY_ONLY, 4);
  const sa = payload(0, Buffer.concat([saBody, proposal]));
  // Header (§3.1): cookies, next payload SA, version 1.0, main mode, flags 0, message id 0, length.
  const header = Buffer.alloc(28);
  initiatorCookie.copy(header, 0, 0, 8);
  header[16] = ISAKMP.NEXT_SA;
  header[17] = ISAKMP.VERSION_1_0;
  header[18] = ISAKMP.MAIN_MODE;
  header.writeUInt32BE(28 + sa.length, 24);
  return Buffer.concat([header, sa]);
}
