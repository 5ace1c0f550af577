// The slash commands as Discord registers them. The adapter reads options by these names, so the
// names live here once, beside the definitions.
import { InteractionContextType, SlashCommandBuilder, type SlashCommandStringOption } from 'discord.js';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';

export const SCAN = { name: 'scan', target: 'target', ports: 'ports', private: 'private', services: 'services', allHosts: 'all-hosts', file: 'file' } as const;
export const PORT = { name: 'port', query: 'query' } as const;
export const PING = { name: 'ping', target: 'target', private: 'private' } as const;
export const HISTORY = { name: 'history', target: 'target' } as const;
export const DIFF = { name: 'diff', target: 'target', from: 'from', to: 'to' } as const;
export const WATCH = { name: 'watch', add: 'add', list: 'list', stop: 'stop', target: 'target', ports: 'ports', schedule: 'schedule', id: 'id' } as const;

/** Servers and the bot's own DMs; not group DMs, where no allowlist operator is present. */
const CONTEXTS = [InteractionContextType.Guild, InteractionContextType.BotDM];

/** What to scan or ping: the same targets the typed commands take. */
const targetOption = (option: SlashCommandStringOption): SlashCommandStringOption =>
  option.setName(SCAN.target).setDescription('Host, address or small CIDR block, comma-separated (e.g. web-1 or 10.0.0.5)').setRequired(true).setMaxLength(200);

const scanCommand = new SlashCommandBuilder()
  .setName(SCAN.name)
  .setDescription('Scan allowlisted hosts for open ports (nmap-style answer with plain-language notes)')
  .setContexts(CONTEXTS)
  // No permission bits: only administrators see /scan until a server admin grants it to roles or
  // members (Server Settings > Integrations > portbot). /port stays open to everyone.
  .setDefaultMemberPermissions(0)
  .addStringOption(targetOption)
  .addStringOption((option) =>
    option
      .setName(SCAN.ports)
      .setDescription('Ports: common, thorough, 1-1024, 22,80,443, ssh,http, U:53 (default: common)')
      .setAutocomplete(true)
      .setMaxLength(100),
  )
  .addBooleanOption((option) => option.setName(SCAN.private).setDescription('Show the result only to you'))
  .addBooleanOption((option) =>
    option.setName(SCAN.services).setDescription('Identify what answers on open ports: True always (up to 256), False never; default: if few are open'),
  )
  .addBooleanOption((option) => option.setName(SCAN.allHosts).setDescription('Scan every address of a block, also those that seem down (slower)'))
  .addStringOption((option) =>
    option
      .setName(SCAN.file)
      .setDescription('Attach the result as a file other tools read')
      .addChoices({ name: 'nmap XML', value: 'xml' }, { name: 'CSV (one row per port)', value: 'csv' }),
  );

const portCommand = new SlashCommandBuilder()
  .setName(PORT.name)
  .setDescription('Explain a port, a service or a networking idea (e.g. 3389, ssh, filtered, tcp vs udp)')
  .setContexts(CONTEXTS)
  .addStringOption((option) =>
    option
      .setName(PORT.query)
      .setDescription('A port number, a service name or a concept')
      .setRequired(true)
      .setAutocomplete(true)
      .setMaxLength(100),
  );

const pingCommand = new SlashCommandBuilder()
  .setName(PING.name)
  .setDescription('Is an allowlisted host up, and how far away? (TCP connects and ICMP echo, like nmap)')
  .setContexts(CONTEXTS)
  // Like /scan, it sends packets to hosts: hidden until a server admin grants it.
  .setDefaultMemberPermissions(0)
  .addStringOption(targetOption)
  .addBooleanOption((option) => option.setName(PING.private).setDescription('Show the result only to you'));

// History is visible to whoever may see the channel's results: no permission gate of its own.
const historyCommand = new SlashCommandBuilder()
  .setName(HISTORY.name)
  .setDescription('The last scans of a target in this channel: id, when, who, what was found')
  .setContexts(CONTEXTS)
  .addStringOption((option) => option.setName(HISTORY.target).setDescription('Host, address or block as it was scanned (e.g. web-1)').setRequired(true).setMaxLength(200));

const diffCommand = new SlashCommandBuilder()
  .setName(DIFF.name)
  .setDescription('What changed between two scans: the newest two of a target, or any two ids')
  .setContexts(CONTEXTS)
  .addStringOption((option) => option.setName(DIFF.target).setDescription('Compare the two newest scans of this target (e.g. web-1)').setMaxLength(200))
  .addStringOption((option) => option.setName(DIFF.from).setDescription('The earlier scan id (from /history); needs "to"').setAutocomplete(true).setMaxLength(12))
  .addStringOption((option) => option.setName(DIFF.to).setDescription('The later scan id (from /history)').setAutocomplete(true).setMaxLength(12));

// A watch scans on its own later, as whoever started it: hidden like /scan until granted.
const watchCommand = new SlashCommandBuilder()
  .setName(WATCH.name)
  .setDescription('Scan a target on a schedule; portbot posts in this channel when something changes')
  .setContexts(CONTEXTS)
  .setDefaultMemberPermissions(0)
  .addSubcommand((sub) =>
    sub
      .setName(WATCH.add)
      .setDescription('Start watching a target (the first scan is the baseline)')
      .addStringOption(targetOption)
      .addStringOption((option) => option.setName(WATCH.schedule).setDescription('How often: 30m, 6h, 1d, hourly, daily at 06:00, weekdays at 09:30').setRequired(true).setMaxLength(40))
      .addStringOption((option) => option.setName(WATCH.ports).setDescription('Ports: common, 1-1024, 22,80,443 (default: common)').setAutocomplete(true).setMaxLength(100)),
  )
  .addSubcommand((sub) => sub.setName(WATCH.list).setDescription('The watches of this channel'))
  .addSubcommand((sub) =>
    sub
      .setName(WATCH.stop)
      .setDescription('Stop a watch of this channel')
      .addStringOption((option) => option.setName(WATCH.id).setDescription('The watch id (from /watch list)').setRequired(true).setMaxLength(12)),
  );

/** The payload of the bulk overwrite: exactly these commands, replacing whatever was registered. */
export function commandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [scanCommand.toJSON(), portCommand.toJSON(), pingCommand.toJSON(), historyCommand.toJSON(), diffCommand.toJSON(), watchCommand.toJSON()];
}
