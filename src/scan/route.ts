// Where a request runs: here, through the policy and the in-process executor, or in a zone whose
// agents resolve and check the targets themselves (issue 17's queue). The router decides per
// request; with none, everything runs here.
import type { InputProblem, Refusal } from '../errors.js';
import type { Requester, ScanGrant } from '../policy/types.js';
import type { Result } from '../result.js';
import type { PortProbe } from '../scanner/types.js';
import type { Executor } from './executor.js';
import type { ScanRequest } from './types.js';

export type Route =
  /** Resolved and checked by this process's policy, scanned by the service's executor. */
  | { readonly kind: 'local' }
  /**
   * Handed to `executor` with the targets as typed (`ExecutionTargets.typed`): the agent resolves
   * and checks them against its own lists. `authorise` still decides here who may scan and how much
   * (slots, rate, port count) and returns a grant with no addresses; `zone` names it in answers and logs.
   */
  | {
      readonly kind: 'remote';
      readonly zone: string;
      readonly executor: Executor;
      authorise(requester: Requester, targets: string, ports: readonly PortProbe[]): Promise<Result<ScanGrant, Refusal | InputProblem>>;
    }
  /** The request cannot be routed as a whole (targets of two zones, or of a zone and of here): one line says why. */
  | { readonly kind: 'invalid'; readonly problem: InputProblem };

export type Router = (request: ScanRequest) => Route;

export const LOCAL: Route = { kind: 'local' };
