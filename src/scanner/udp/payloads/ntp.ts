// NTP client request, RFC 5905 §7.3: a 48-byte header whose first byte packs LI (2 bits),
// VN (3 bits) and Mode (3 bits). Mode 3 is "client"; a server answers with mode 4.

const NTP_EPOCH_OFFSET_S = 2_208_988_800; // seconds from 1900-01-01 (NTP era 0) to 1970-01-01

export function ntpProbe(now: number = Date.now()): Buffer {
  const packet = Buffer.alloc(48);
  packet[0] = (0 << 6) | (4 << 3) | 3; // LI 0 (no warning), version 4, mode 3 (client)
  // Transmit timestamp (offset 40): servers copy it into "origin" so a client can match the
  // answer; some servers drop requests whose transmit timestamp is zero.
  const seconds = Math.floor(now / 1000) + NTP_EPOCH_OFFSET_S;
  const fraction = Math.floor(((now % 1000) / 1000) * 2 ** 32);
  packet.writeUInt32BE(seconds >>> 0, 40);
  packet.writeUInt32BE(fraction >>> 0, 44);
  return packet;
}
