export type * from './types.js';
export { serviceName, portNote } from './lookup.js';
export { explain } from './explain.js';
export { COMMON_PORTS, commonPorts } from './common.js';
export { findingText, FINDING_TOPICS, type FindingText, type FindingSeverity } from './findings.js';
