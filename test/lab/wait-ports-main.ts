// Run inside a lab namespace: `node wait-ports-main.js <address> <port,port,...> [timeoutMs]`.
// Exits 0 once every port accepts a connection, 1 if one still refuses after the timeout: servers
// started by a test announce readiness in different ways, but all of them end up accepting.
import { connect } from 'node:net';

const [address = '', list = '', timeout = '20000'] = process.argv.slice(2);
const until = Date.now() + Number(timeout);

const accepts = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ host: address, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

for (const port of list.split(',').map(Number)) {
  while (!(await accepts(port))) {
    if (Date.now() > until) {
      process.stderr.write(`port ${port} on ${address} never accepted\n`);
      process.exit(1);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
