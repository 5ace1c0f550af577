// A Discord bot process killed with SIGKILL during a scan, then started again on the same data
// directory: the new process marks the job interrupted and tells its requester in the channel
// where the scan was asked, through the stand-in, with no reply token (it died with the process).
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { test } from 'node:test';
import { startCli } from '../../cli/run-cli.js';
import { embeddedBackend } from '../../scan/history-backends.js';
import { callsFor, isOriginalEdit, succeeded, visibleText } from './harness.js';
import { slashCommand, stringOption } from './payloads.js';
import { DiscordStandIn } from './stand-in.js';

test('SIGKILL mid-scan, restart: the requester is told in the channel that the scan was interrupted', { timeout: 120_000 }, async () => {
  const backend = embeddedBackend();
  const standIn = await DiscordStandIn.start();
  const env = {
    ...backend.env(await backend.location()),
    DISCORD_TOKEN: 'stand-in-token',
    DISCORD_API_URL: standIn.apiUrl,
    DISCORD_APPLICATION_ID: standIn.ids.applicationId,
    PORTBOT_ALLOWED_GUILDS: standIn.ids.guildId,
    PORTBOT_ALLOWLIST: '127.0.0.1',
    PORTBOT_LOG_LEVEL: 'debug',
  };
  const person = { userId: '4800000000000000001' };
  const first = startCli([], env);
  try {
    await first.waitForStderr('portbot is running');
    // The store is open before the scan, so the job is on record when the process dies.
    const warm = slashCommand(standIn.ids, person, 'history', [stringOption('target', '127.0.0.1')]);
    standIn.gateway.dispatch('INTERACTION_CREATE', warm);
    await standIn.waitForCalls((calls) => callsFor(calls, warm.token).some(isOriginalEdit));
    const scan = slashCommand(standIn.ids, person, 'scan', [stringOption('target', '127.0.0.1'), stringOption('ports', '1-65535')]);
    standIn.gateway.dispatch('INTERACTION_CREATE', scan);
    await first.waitForStderr('history: job recorded as running');
    first.child.kill('SIGKILL');
    await first.done;

    const posted = (): string[] =>
      standIn.calls.filter((call) => call.method === 'POST' && call.path === `/channels/${standIn.ids.channelId}/messages` && succeeded(call)).map((call) => visibleText(call.body));
    const second = startCli([], env);
    try {
      await standIn.waitForCalls(() => posted().some((text) => /was interrupted/.test(text)));
      const [told, ...again] = posted().filter((text) => /was interrupted/.test(text));
      assert.equal(again.length, 0, 'told once');
      assert.match(told!, /^Scan [a-z0-9]{5,} was interrupted\nYour scan of 127\\?\.0\\?\.0\\?\.1 \(started .* UTC\) did not finish: portbot stopped while it ran\. Run it again: \/scan 127\\?\.0\\?\.0\\?\.1 1-65535/);
      second.child.kill('SIGTERM');
      const [code] = (await once(second.child, 'exit')) as [number | null];
      assert.equal(code, 0, second.output.stderr);
    } finally {
      second.child.kill('SIGKILL');
    }
  } finally {
    first.child.kill('SIGKILL');
    await standIn.close();
    backend.dispose();
  }
});
