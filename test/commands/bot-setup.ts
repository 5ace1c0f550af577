// The real bot with the real policy and scanner, for router tests on loopback.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { createBot, type BotDependencies } from '../../src/commands/bot.js';
import { testService, type TestServiceOptions } from '../scan/test-service.js';
import { loadConfig } from '../../src/config.js';
import { createScanPolicy } from '../../src/policy/index.js';
import { FakeChat, memoryAudit } from './fake-chat.js';

export function botSetup(env: NodeJS.ProcessEnv = {}, extra: Partial<BotDependencies> & Pick<TestServiceOptions, 'scan' | 'policy' | 'history'> = {}) {
  const config = loadConfig({ PORTBOT_ALLOWLIST: '127.0.0.0/8', ...env });
  const policy = createScanPolicy(config, { loopbackWhenUnconfigured: false });
  const audit = memoryAudit();
  const logLines: string[] = [];
  const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => (logLines.push(chunk.toString()), done()) });
  const logger = pino({ level: 'debug' }, sink);
  const { scan, policy: givenPolicy, history, ...rest } = extra;
  const service = testService(config, { audit, logger, policy: givenPolicy ?? policy, ...(scan === undefined ? {} : { scan }), ...(history === undefined ? {} : { history }) });
  const bot = createBot({ config, service, audit, logger, ...rest });
  const chat = new FakeChat();
  void chat.start(bot);
  return { bot, chat, audit, logLines };
}
