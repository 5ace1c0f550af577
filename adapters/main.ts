// The process behind bin/portbot.js: the CLI with the chat adapters plugged in. The one module
// that sees both src/ and the adapter registry (src/ never imports adapters/), and the entry of
// the start-up bundle (scripts/bundle.js).
import { runCli } from '../src/cli/index.js';
import { loadAdapters } from './registry.js';

process.exitCode = await runCli(process.argv.slice(2), { loadAdapters });
