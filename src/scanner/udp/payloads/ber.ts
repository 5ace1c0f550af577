// The few BER encodings (ITU-T X.690) an SNMP GetRequest needs: definite lengths, INTEGER,
// OCTET STRING, NULL, OBJECT IDENTIFIER and constructed SEQUENCE-like types.

export const BER_TAG = { INTEGER: 0x02, OCTET_STRING: 0x04, NULL: 0x05, OID: 0x06, SEQUENCE: 0x30 } as const;

/** X.690 §8.1.3: short form below 128, else 0x80|n followed by n length bytes. */
export function berLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export const tlv = (tag: number, content: Buffer): Buffer => Buffer.concat([Buffer.from([tag]), berLength(content.length), content]);

/** X.690 §8.3: two's complement in the fewest bytes (a leading 0 keeps positive values positive). */
export function berInteger(value: number): Buffer {
  const bytes: number[] = [];
  let rest = value;
  do {
    bytes.unshift(rest & 0xff);
    rest >>= 8;
  } while (rest !== 0 && rest !== -1);
  const first = bytes[0] ?? 0;
  if (value >= 0 && first & 0x80) bytes.unshift(0);
  if (value < 0 && !(first & 0x80)) bytes.unshift(0xff);
  return tlv(BER_TAG.INTEGER, Buffer.from(bytes));
}

export const berOctetString = (text: string): Buffer => tlv(BER_TAG.OCTET_STRING, Buffer.from(text, 'utf8'));

export const berNull = (): Buffer => tlv(BER_TAG.NULL, Buffer.alloc(0));

/** X.690 §8.19: the first two arcs share one subidentifier (40*a+b); each is base 128, high bit = more. */
export function berOid(oid: string): Buffer {
  const arcs = oid.split('.').map(Number);
  const [first = 0, second = 0, ...rest] = arcs;
  const bytes: number[] = [];
  for (const arc of [first * 40 + second, ...rest]) {
    const groups: number[] = [arc & 0x7f];
    for (let value = Math.floor(arc / 128); value > 0; value = Math.floor(value / 128)) groups.unshift((value & 0x7f) | 0x80);
    bytes.push(...groups);
  }
  return tlv(BER_TAG.OID, Buffer.from(bytes));
}

export const berSequence = (...items: Buffer[]): Buffer => tlv(BER_TAG.SEQUENCE, Buffer.concat(items));
