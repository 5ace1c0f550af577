// The store contract on a real PostgreSQL (Debian's package), started in a temporary directory.
import { postgresSkipReason, startPostgres } from './postgres-server.js';
import { storeContract } from './contract.js';

storeContract('PostgreSQL', postgresSkipReason(), async () => {
  const server = await startPostgres();
  const url = await server.createDatabase('contract');
  return { location: { kind: 'postgres', url }, dispose: () => Promise.resolve(server.stop()) };
});
