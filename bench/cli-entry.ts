// The CLI as bin/portbot.js runs it, for a benchmark compiled outside dist/ (a private --outDir
// while developing): bin/portbot.js always loads dist/. Scans never load a chat adapter.
import { runCli } from '../src/cli/index.js';

process.exitCode = await runCli(process.argv.slice(2), {
  loadAdapters: () => Promise.reject(new Error('the benchmark CLI runs scans only')),
});
