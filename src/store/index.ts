// Public face of the store: open it, then record and read jobs through `Store`.
export type * from './types.js';
export type * from './watch-types.js';
export type { NewJob, RecordableHost, RecordableReport, Store, StoreProblem } from './store.js';
export type { RecordablePort } from './port-sheet.js';
export { OPERATOR_SCOPE, JOB_STATUSES } from './types.js';
export { openStore, storeLocation, type StoreLocation, type StoreOptions } from './open-store.js';
export { parseJobId } from './job-id.js';
export { SheetReader, sheetsOf } from './port-sheet.js';
