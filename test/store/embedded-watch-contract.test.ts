// The watch contract on the embedded store: PGlite in this process, in a temporary data directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { watchContract } from './watch-contract.js';

watchContract('embedded (PGlite)', undefined, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'portbot-watch-store-'));
  return Promise.resolve({ location: { kind: 'embedded', dataDir }, dispose: () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })) });
});
