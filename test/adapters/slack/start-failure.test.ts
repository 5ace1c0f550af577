// A Slack start that fails says why in one line: the real Bolt and Web API client against the
// loopback stand-in, which answers auth.test the way Slack answers a revoked or mistyped token.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSlackAdapter } from '../../../adapters/slack/index.js';
import { loadConfig } from '../../../src/config.js';
import { PortbotError } from '../../../src/errors.js';
import { testLogger } from './harness.js';
import { signingSecret } from './requests.js';
import { SlackApiStandIn } from './stand-in-api.js';
import { SettlingBot } from '../settling-bot.js';
import { ScriptedBot } from './scripted-bot.js';

test('a token Slack refuses: start fails with one line naming the API error and the variable to check', async () => {
  const api = await SlackApiStandIn.start();
  try {
    api.fail('auth.test', { error: 'invalid_auth' });
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-revoked', SLACK_SIGNING_SECRET: signingSecret, SLACK_API_URL: api.apiUrl, PORT: '0' });
    const adapter = createSlackAdapter(config, testLogger());
    await assert.rejects(adapter.start(new SettlingBot(new ScriptedBot(() => Promise.resolve()))), (error: unknown) => {
      assert.ok(error instanceof PortbotError);
      assert.equal(error.code, 'slack-start-failed');
      assert.equal(error.message, 'Slack answered auth.test with invalid_auth: check SLACK_BOT_TOKEN (and SLACK_APP_TOKEN in Socket Mode)');
      return true;
    });
  } finally {
    await api.close();
  }
});
