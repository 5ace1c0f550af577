// Run inside the lab's scanning namespace: `node scan-main.js <address> <port,port,...>`.
// Prints the UDP prober's results and the scan's duration as one JSON document.
import { probeUdp } from '../../../src/scanner/udp/index.js';

const [address = '', list = ''] = process.argv.slice(2);
const ports = [...new Set(list.split(',').map(Number))].sort((a, b) => a - b);
const started = performance.now();
const results = await probeUdp({ target: address, address, family: address.includes(':') ? 6 : 4 }, ports, {
  concurrency: { current: () => 256 },
  onResult: () => undefined,
});
process.stdout.write(`${JSON.stringify({ durationMs: performance.now() - started, results })}\n`);
