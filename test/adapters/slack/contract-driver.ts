// The shared adapter contract, driven through Slack: slash commands for "/scan" and "/port", a
// mention for anything else, all as signed HTTP requests into the real Bolt receiver; answers are
// read back from the Web API and response_url stand-in.
import type { ContractAnswer, ContractDriver, ContractUser } from '../contract.js';
import type { Bot } from '../../../src/commands/types.js';
import { finalMessages } from './answers.js';
import { startSlack, type RunningSlack } from './harness.js';
import { mentionEvent, sendSigned, slashCommand } from './requests.js';

export function slackDriver(): ContractDriver {
  let slack: RunningSlack | undefined;
  let sent = 0;
  const running = (): RunningSlack => {
    if (slack === undefined) throw new Error('the Slack contract driver was not started');
    return slack;
  };
  return {
    name: 'slack',
    async start(bot: Bot) {
      slack = await startSlack(() => bot);
    },
    async send(text: string, user: ContractUser): Promise<readonly ContractAnswer[]> {
      const current = running();
      const before = current.api.calls.length;
      const slash = /^\/(scan|port)\b\s*(.*)$/s.exec(text);
      sent += 1;
      const response = slash
        ? await sendSigned(current.port, slashCommand(`/${slash[1] ?? ''}`, slash[2] ?? '', user, current.api.responseUrl(`contract-${sent}`)), 'application/x-www-form-urlencoded')
        : await sendSigned(current.port, JSON.stringify(mentionEvent(`<@UPORTBOT> ${text}`, user)), 'application/json');
      if (response.status !== 200) throw new Error(`Slack adapter answered HTTP ${response.status}`);
      await current.bot.until(sent);
      return finalMessages(current.api.calls.slice(before)).map((message) => ({ text: message.text, private: message.private }));
    },
    async stop() {
      // The contract suite shuts its own bot down; only the adapter and the stand-ins stop here.
      const current = slack;
      slack = undefined;
      if (current === undefined) return;
      await current.adapter.stop();
      await Promise.all([current.api.close(), current.socket?.close()]);
    },
  };
}
