// SSDP unicast search, UPnP Device Architecture 1.1 §1.3.2: an HTTP-over-UDP M-SEARCH whose
// HOST header names the device itself (not the multicast group) when sent to a unicast address.

export function ssdpProbe(address: string, family: 4 | 6, port = 1900): Buffer {
  const host = family === 6 ? `[${address}]:${port}` : `${address}:${port}`;
  const lines = ['M-SEARCH * HTTP/1.1', `HOST: ${host}`, 'MAN: "ssdp:discover"', 'ST: ssdp:all', 'USER-AGENT: portbot/0.1 UPnP/1.1 portbot/0.1'];
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'ascii');
}
