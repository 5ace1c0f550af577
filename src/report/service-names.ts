// The names in a scan's SERVICE column come from portbot's port knowledge (curated, else IANA).
// The scanner knows none of it: the scan's executor hands it this namer, which the scanner calls
// only when a result is read, after the scan (so the tables never load mid-scan).
import { serviceName } from '../knowledge/lookup.js';
import type { ServiceNamer } from '../scanner/types.js';

export const serviceNames: ServiceNamer = serviceName;
