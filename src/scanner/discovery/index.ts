// Host discovery: is an already-checked address up, and how far away. Used by scan() before a
// scan of several addresses, and by callers that only want to know (a /ping command).
export { discoverHost, discoverHosts, defaultDiscoveryTiming, type DiscoveryOptions, type DiscoveryTiming } from './discover.js';
export { DISCOVERY_PORTS } from './tcp-ping.js';
