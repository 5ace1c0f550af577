// `portbot watch list [--json]` and `portbot watch stop <id>`: the operator's view of the stored
// watches (every platform and channel). Starting a watch needs a running portbot to run it, so it
// is done in chat or `portbot console` (/watch …), never here. Opens the store, reads, closes it.
import type { HistoryStore } from '../scan/index.js';
import type { StoredWatch } from '../store/watch-types.js';
import { scheduleWords } from '../watch/schedule.js';
import { EXIT, usageError, type TerminalStreams } from './terminal.js';

const STOP_EXAMPLE = '`portbot watch stop w3k9p` (ids from `portbot watch list`)';

function watchLine(watch: StoredWatch): string {
  const where = [watch.place.platform, watch.place.workspaceId, watch.place.channelId].filter((part) => part !== '').join('/');
  const state = watch.pauseReason === null ? (watch.lastRunAt === null ? 'never ran' : `last run ${watch.lastRunAt.toISOString()}`) : `paused: ${watch.pauseReason}`;
  const ports = `${watch.ports ?? 'common'}${watch.protocol === 'udp' ? ' (udp)' : ''}`;
  return [watch.id, watch.targets, ports, scheduleWords(watch.schedule), state, `in ${where}`, watch.creatorName === null ? '' : `by ${watch.creatorName}`].filter((part) => part !== '').join('  ');
}

const watchDocument = (watch: StoredWatch) => ({
  id: watch.id,
  targets: watch.targets,
  ports: watch.ports,
  protocol: watch.protocol,
  schedule: watch.schedule,
  place: watch.place,
  createdBy: watch.creatorName,
  createdAt: watch.createdAt.toISOString(),
  lastRunAt: watch.lastRunAt?.toISOString() ?? null,
  paused: watch.pauseReason,
});

export async function terminalWatchCommand(words: readonly string[], asJson: boolean, open: () => HistoryStore, streams: TerminalStreams): Promise<number> {
  const [verb, ...rest] = words;
  if (verb === 'list' && rest.length === 0) return withStore(open, streams, async (store) => {
    const watches = await store.listWatches();
    if (asJson) streams.stdout.write(`${JSON.stringify({ watches: watches.map(watchDocument) }, null, 2)}\n`);
    else streams.stdout.write(watches.length === 0 ? 'No watches. Start one in chat or `portbot console`: /watch localhost 22,80 every 30m\n' : `${watches.map(watchLine).join('\n')}\n`);
    return EXIT.done;
  });
  if (verb === 'stop') {
    if (rest.length !== 1) return usageError(streams, `say which watch to stop, e.g. ${STOP_EXAMPLE}`);
    return withStore(open, streams, async (store) => {
      const stopped = await store.deleteWatch(rest[0]!);
      if (stopped === undefined) {
        streams.stderr.write(`portbot: there is no watch ${rest[0]!.slice(0, 20)}; \`portbot watch list\` shows the ids\n`);
        return EXIT.failed;
      }
      streams.stdout.write(`Stopped watch ${stopped.id} (${stopped.targets}); a running portbot stops scanning it at its next run.\n`);
      return EXIT.done;
    });
  }
  return usageError(streams, 'say `portbot watch list` or `portbot watch stop <id>`; start a watch in chat or `portbot console` with /watch <target> [ports] every <interval>');
}

async function withStore(open: () => HistoryStore, streams: TerminalStreams, read: (store: NonNullable<ReturnType<HistoryStore['current']>>) => Promise<number>): Promise<number> {
  const history = open();
  try {
    const opened = await history.ready();
    if (!opened.ok) {
      streams.stderr.write(`portbot: ${opened.error.message}\n`);
      return EXIT.failed;
    }
    return await read(opened.value);
  } finally {
    await history.close().catch(() => undefined);
  }
}
