// What bin/portbot.js does, against the compiled tree this test file lives in, so tests spawn the
// real CLI process from whatever output directory they were built into.
import { runCli } from '../../src/cli.js';
import { loadAdapters } from '../../adapters/registry.js';

process.exitCode = await runCli(process.argv.slice(2), { loadAdapters });
setTimeout(() => process.exit(), 2000).unref();
