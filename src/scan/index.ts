// Public face of the scan service: build it once (createScanService) with an executor and,
// where scans are recorded, the history store opened in the background.
export type * from './types.js';
export type { ExecutionEvent, ExecutionSpec, ExecutionTargets, Executor } from './executor.js';
export type { HistoryStore } from './history-store.js';
export type { Route, Router } from './route.js';
export type { ScanService, ScanServiceDependencies } from './scan-service.js';
export { createScanService } from './scan-service.js';
export { createInProcessExecutor, type InProcessExecutorOptions, type Scanner } from './in-process-executor.js';
export { openHistoryStore } from './history-store.js';
export { encodeReport, decodeReport, type TransportReport } from './report-transport.js';
export { placeScope, readerScope } from './scope.js';
export { PING_PROBES, type Discoverer, type PingOutcome, type PingRequest } from './ping.js';
