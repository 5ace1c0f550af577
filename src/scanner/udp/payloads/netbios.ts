// NetBIOS name service node status request, RFC 1002 §4.2.17: a name-service header with one
// question for the wildcard name "*" of type NBSTAT. Windows and Samba answer with their name table.

/** RFC 1001 §14.1 first-level encoding: each byte of the 16-byte padded name becomes two letters 'A'+nibble. */
export function encodeNetbiosName(name: string): Buffer {
  const padded = Buffer.alloc(16, 0);
  padded.write(name, 'ascii');
  const encoded = Buffer.alloc(32);
  for (let index = 0; index < 16; index++) {
    const byte = padded[index] ?? 0;
    encoded[index * 2] = 0x41 + (byte >> 4);
    encoded[index * 2 + 1] = 0x41 + (byte & 0x0f);
  }
  return encoded;
}

export const NBSTAT = 0x0021;

export function netbiosProbe(transactionId = 0x7062): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt16BE(transactionId, 0);
  // Flags 0: a query, opcode 0, not a broadcast; QDCOUNT 1.
  header.writeUInt16BE(1, 4);
  const question = Buffer.alloc(4);
  question.writeUInt16BE(NBSTAT, 0);
  question.writeUInt16BE(1, 2); // class IN
  return Buffer.concat([header, Buffer.from([32]), encodeNetbiosName('*'), Buffer.from([0]), question]);
}
