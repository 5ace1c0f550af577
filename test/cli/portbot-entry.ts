// What bin/portbot.js runs, from the compiled tree this test file lives in (not the bundle), so
// tests spawn the real CLI process from whatever output directory they were built into.
import '../../adapters/main.js';

setTimeout(() => process.exit(), 2000).unref();
