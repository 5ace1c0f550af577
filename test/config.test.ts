import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from '../src/config.js';
import { PortbotError } from '../src/errors.js';

test('an empty environment gives safe defaults: no allowlist, no tokens', () => {
  const config = loadConfig({});
  assert.deepEqual(config.PORTBOT_ALLOWLIST, []);
  assert.equal(config.SLACK_BOT_TOKEN, undefined);
  assert.equal(config.PORTBOT_MAX_ADDRESSES_PER_SCAN, 256);
});

test('lists split on commas and whitespace', () => {
  const config = loadConfig({ PORTBOT_ALLOWLIST: '10.0.0.0/24, web-1.example.com *.lab.example.com' });
  assert.deepEqual(config.PORTBOT_ALLOWLIST, ['10.0.0.0/24', 'web-1.example.com', '*.lab.example.com']);
});

test('a bad value stops startup with a message naming the variable', () => {
  assert.throws(
    () => loadConfig({ PORTBOT_MAX_SOCKETS: 'lots', SLACK_API_URL: 'not a url' }),
    (error: unknown) =>
      error instanceof PortbotError &&
      error.code === 'invalid-config' &&
      error.message.includes('PORTBOT_MAX_SOCKETS') &&
      error.message.includes('SLACK_API_URL'),
  );
});

test('PORTBOT_DETECT_MAX_PORTS: 20 by default, 0 allowed (only when asked), above the 256 a chat scan may probe refused by name', () => {
  assert.equal(loadConfig({}).PORTBOT_DETECT_MAX_PORTS, 20);
  assert.equal(loadConfig({ PORTBOT_DETECT_MAX_PORTS: '0' }).PORTBOT_DETECT_MAX_PORTS, 0);
  assert.throws(() => loadConfig({ PORTBOT_DETECT_MAX_PORTS: '1000' }), (error: unknown) => error instanceof PortbotError && error.message.includes('PORTBOT_DETECT_MAX_PORTS'));
});

test('watch settings: UTC and 15 minutes by default; an IANA zone and a duration such as 2s; anything else names the variable', () => {
  const defaults = loadConfig({});
  assert.equal(defaults.PORTBOT_TIMEZONE, 'UTC');
  assert.equal(defaults.PORTBOT_WATCH_MIN_INTERVAL, 900);
  const lab = loadConfig({ PORTBOT_TIMEZONE: 'Europe/Berlin', PORTBOT_WATCH_MIN_INTERVAL: '2s' });
  assert.equal(lab.PORTBOT_TIMEZONE, 'Europe/Berlin');
  assert.equal(lab.PORTBOT_WATCH_MIN_INTERVAL, 2);
  assert.throws(() => loadConfig({ PORTBOT_TIMEZONE: 'Mars/Base' }), /PORTBOT_TIMEZONE: must be an IANA time zone name, e\.g\. UTC, Europe\/Berlin or America\/New_York/);
  assert.throws(() => loadConfig({ PORTBOT_WATCH_MIN_INTERVAL: '15' }), /PORTBOT_WATCH_MIN_INTERVAL: must be a duration such as 15m, 1h or 2s/);
});
