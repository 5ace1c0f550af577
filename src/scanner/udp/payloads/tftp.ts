// TFTP read request, RFC 1350 §5: opcode 1 (RRQ), file name, NUL, mode, NUL.
// A server answers with DATA or ERROR, but from a new port (its "TID", RFC 1350 §4), which a
// connected socket - like nmap's port matching - does not take as an answer from port 69.

export const TFTP_FILE = 'portbot-probe.txt';

export function tftpProbe(): Buffer {
  return Buffer.concat([Buffer.from([0, 1]), Buffer.from(`${TFTP_FILE}\0octet\0`, 'ascii')]);
}
