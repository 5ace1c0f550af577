// The watch contract on a real PostgreSQL (Debian's package), started in a temporary directory.
import { postgresSkipReason, startPostgres } from './postgres-server.js';
import { watchContract } from './watch-contract.js';

watchContract('PostgreSQL', postgresSkipReason(), async () => {
  const server = await startPostgres();
  const url = await server.createDatabase('watches');
  return { location: { kind: 'postgres', url }, dispose: () => Promise.resolve(server.stop()) };
});
