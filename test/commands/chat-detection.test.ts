// The router's part in detection: a chat scan goes on to identify a small result's open ports by
// itself, showing progress while it does; "no-services" and PORTBOT_DETECT_MAX_PORTS=0 keep it
// from probing at all. Real bot, real policy and scanner, a loopback FTP-like server.
import assert from 'node:assert/strict';
import { createServer, type Socket } from 'node:net';
import { after, before, test } from 'node:test';
import { chatDetectionLimit } from '../../src/commands/detection-limit.js';
import { botSetup } from './bot-setup.js';

let port: number;
let connections = 0;
let greet: () => void = () => undefined;
const held: Socket[] = [];
const server = createServer((socket) => {
  connections++;
  socket.on('error', () => undefined);
  held.push(socket);
  // The greeting waits until the chat has shown that detection started: the progress is certain to
  // be shown while detection runs, however fast the machine is.
  greet();
});
before(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => ((port = (server.address() as { port: number }).port), resolve()))));
after(() => new Promise<void>((resolve) => (held.forEach((socket) => socket.destroy()), server.close(() => resolve()))));

test('a small result is identified after the scan, with a progress line saying so, then the answer names it', { timeout: 30_000 }, async () => {
  let released = false;
  greet = () => {
    if (released) for (const socket of held.splice(0)) socket.end('220 ProFTPD 1.3.8 Server ready\r\n');
  };
  const { chat } = botSetup({}, { progressTiming: { firstAfterMs: 0, everyMs: 50 } });
  const { conversation, done } = chat.send(`/scan 127.0.0.1 ${port}`, 'U1', (reply) => {
    if (!/identifying what answers on 1 open port/.test(reply.summary)) return;
    released = true;
    greet();
  });
  await done;
  assert.ok(conversation.progress.some((reply) => reply.summary === 'Port scan done; identifying what answers on 1 open port…'));
  assert.equal(conversation.progress.at(-1)?.actions[0]?.kind, 'cancel', 'Cancel still works while detection runs');
  const [answer] = conversation.finals;
  assert.deepEqual(answer?.rows.map((row) => [row.service, row.version]), [['ftp', 'ProFTPD 1.3.8']]);
});

test('"no-services" and PORTBOT_DETECT_MAX_PORTS=0 never open a connection beyond the port scan\'s', { timeout: 30_000 }, async () => {
  greet = () => {
    for (const socket of held.splice(0)) socket.end('220 ProFTPD 1.3.8 Server ready\r\n');
  };
  for (const [env, text] of [[{}, `/scan 127.0.0.1 ${port} no-services`], [{ PORTBOT_DETECT_MAX_PORTS: '0' }, `/scan 127.0.0.1 ${port}`]] as const) {
    const { chat } = botSetup(env);
    const before = connections;
    const { finals } = await chat.ask(text);
    assert.equal(finals[0]?.rows[0]?.version, undefined, text);
    assert.equal(connections - before, 1, `${text}: the port scan's one connection`);
  }
  // And the limits the chat uses: by itself up to the operator's number, asked for up to 256.
  assert.deepEqual(chatDetectionLimit(undefined, { PORTBOT_DETECT_MAX_PORTS: 20 }), { maxPorts: 20, whenMore: 'skip' });
  assert.deepEqual(chatDetectionLimit('on', { PORTBOT_DETECT_MAX_PORTS: 0 }), { maxPorts: 256, whenMore: 'first' });
});
