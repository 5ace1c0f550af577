// Run inside a lab host namespace: `node web-main.js http:8080 https:8444:<cert>:<key>`. Plain and
// TLS HTTP servers (node:http, node:https) that answer every request with a small titled page.
// Prints "ready" once every socket is bound.
import { readFileSync } from 'node:fs';
import { createServer, type RequestListener } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';

const page: RequestListener = (_request, response) => {
  response.writeHead(200, { Server: 'portbot-lab/1.0', 'Content-Type': 'text/html' });
  response.end('<!doctype html><html><head><title>portbot lab</title></head><body>lab</body></html>');
};

const bound = process.argv.slice(2).map((arg) => {
  const [kind, port, cert, key] = arg.split(':');
  const server = kind === 'https' ? createHttpsServer({ cert: readFileSync(cert!), key: readFileSync(key!) }, page) : createServer(page);
  return new Promise<void>((resolve) => server.listen(Number(port), '0.0.0.0', resolve));
});
await Promise.all(bound);
process.stdout.write('ready\n');
