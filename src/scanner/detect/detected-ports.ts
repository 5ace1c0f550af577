// A host's results with what detection found on its open ports. The results stay in their own
// list (port-verdicts.ts: no object per port); the few detected services sit in a small map by
// port and join a result only when it is read.
import { PortVerdicts } from '../port-verdicts.js';
import type { DetectedService, PortResult, PortResultList } from '../types.js';

export class DetectedPorts implements PortResultList {
  constructor(
    /** The prober's list, untouched. */
    readonly base: PortResultList,
    /** TCP port -> what answers there. */
    readonly detected: ReadonlyMap<number, DetectedService>,
  ) {}

  get length(): number {
    return this.base.length;
  }

  at(index: number): PortResult | undefined {
    const result = this.base.at(index);
    if (result === undefined || result.protocol !== 'tcp') return result;
    const detected = this.detected.get(result.port);
    return detected === undefined ? result : { ...result, detected };
  }

  *[Symbol.iterator](): Iterator<PortResult> {
    for (let index = 0; index < this.base.length; index++) {
      const result = this.at(index);
      if (result !== undefined) yield result;
    }
  }

  toJSON(): PortResult[] {
    return [...this];
  }
}

/** The open TCP ports of a list, without building a result for every closed one of a full range. */
export function openTcpPorts(ports: PortResultList): PortResult[] {
  const open: PortResult[] = [];
  const verdicts = ports instanceof PortVerdicts ? ports : undefined;
  for (let index = 0; index < ports.length; index++) {
    if (verdicts !== undefined && (!verdicts.isFinished(index) || verdicts.stateAt(index) !== 'open')) continue;
    const result = ports.at(index);
    if (result !== undefined && result.state === 'open' && result.protocol === 'tcp') open.push(result);
  }
  return open;
}
