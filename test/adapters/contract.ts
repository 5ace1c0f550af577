// The contract every chat adapter passes (console, Slack, Discord): the same commands, through the
// adapter under test and the REAL bot (real policy allowing loopback, real scanner, a real loopback
// listener), must produce the same answers as the user sees them. Not a .test.ts file: each adapter
// calls adapterContract(driver) from its own contract.test.ts.
import { testService } from '../scan/test-service.js';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createBot } from '../../src/commands/bot.js';
import type { Bot } from '../../src/commands/types.js';
import { loadConfig } from '../../src/config.js';
import { memoryAudit } from '../commands/fake-chat.js';
import { closedPort, openPort, type Listener } from '../commands/loopback.js';

/** One FINAL answer as the user sees it, flattened to plain text. */
export interface ContractAnswer {
  readonly text: string;
  readonly private: boolean;
}

export interface ContractUser {
  readonly userId: string;
  readonly channelId: string;
}

export interface ContractDriver {
  readonly name: string;
  /** Start the adapter under test (real SDK code against loopback stand-ins where needed) wired to `bot`. */
  start(bot: Bot): Promise<void>;
  /**
   * Send one command as a user ("/scan 127.0.0.1 22,80", "/port 22", "help", "what is port 22 for?")
   * and resolve with every FINAL answer it produced (wait until the command's final answer arrived;
   * progress updates excluded).
   */
  send(text: string, user: ContractUser): Promise<readonly ContractAnswer[]>;
  stop(): Promise<void>;
}

export interface ContractOptions {
  /** Ids in the platform's own format (Discord wants snowflakes). */
  readonly user?: ContractUser;
}

const STACK_FRAME = /\n\s+at .+:\d+:\d+/;
const nonEmptyLines = (text: string): string[] => text.split('\n').filter((line) => line.trim() !== '');

export function adapterContract(makeDriver: () => ContractDriver, options: ContractOptions = {}): void {
  const driver = makeDriver();
  const user = options.user ?? { userId: 'U0CONTRACT1', channelId: 'C0CONTRACT1' };
  let bot: Bot;
  let listener: Listener;
  let closed: number;

  const answerOnce = async (text: string): Promise<ContractAnswer> => {
    const answers = await driver.send(text, user);
    assert.equal(answers.length, 1, `"${text}" must get exactly one final answer, got ${answers.length}: ${JSON.stringify(answers)}`);
    const answer = answers[0]!;
    assert.doesNotMatch(answer.text, STACK_FRAME, 'never a stack trace');
    return answer;
  };

  describe(`${driver.name} adapter contract`, () => {
    before(async () => {
      listener = await openPort();
      closed = await closedPort();
      const config = loadConfig({ PORTBOT_ALLOWLIST: '127.0.0.0/8,::1' });
      bot = createBot({ config, service: testService(config), audit: memoryAudit() });
      await driver.start(bot);
    });
    after(async () => {
      await driver.stop();
      await bot.shutdown();
      await listener.close();
    });

    test('/port 22 answers once, publicly, about SSH', async () => {
      const answer = await answerOnce('/port 22');
      assert.equal(answer.private, false);
      assert.match(answer.text, /ssh/i);
    });

    test('a scan of a loopback listener and a closed port answers once, showing the open port', async () => {
      const answer = await answerOnce(`/scan 127.0.0.1 ${listener.port},${closed}`);
      assert.equal(answer.private, false, 'results go to the channel by default');
      const openLine = nonEmptyLines(answer.text).find((line) => line.includes(String(listener.port)) && /\bopen\b/.test(line));
      assert.ok(openLine !== undefined, `the open port ${listener.port} is shown as open in:\n${answer.text}`);
    });

    test('bad input answers once, privately, in one line', async () => {
      const answer = await answerOnce('/scan 127.0.0.1 99999');
      assert.equal(answer.private, true);
      const line = nonEmptyLines(answer.text).find((candidate) => candidate.includes('99999'));
      assert.ok(line !== undefined, `the answer names the bad port list:\n${answer.text}`);
      assert.ok(nonEmptyLines(answer.text).length <= 3, `a title and one line, not a wall of text:\n${answer.text}`);
    });

    test('a target outside the allowlist is refused once, privately', async () => {
      const answer = await answerOnce('/scan 10.1.2.3');
      assert.equal(answer.private, true);
      assert.match(answer.text, /10\.1\.2\.3/);
    });

    test('help answers once', async () => {
      const answer = await answerOnce('help');
      assert.match(answer.text, /\/scan/);
      assert.match(answer.text, /\/port/);
    });
  });
}
