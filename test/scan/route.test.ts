// The executor seam as a zone's agent would use it (issue 17): a request the router sends to a
// remote executor reaches it as data (the typed targets, never checked addresses: the agent checks
// them itself), its events and result come back through JSON, cancel reaches it as a message, and
// who may scan is still decided here.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { refusal } from '../../src/errors.js';
import { ok, err } from '../../src/result.js';
import { createScanService, decodeReport, encodeReport, type ExecutionEvent, type ExecutionSpec, type Executor, type Route } from '../../src/scan/index.js';
import { EventChannel } from '../../src/scan/event-channel.js';
import type { PortResult } from '../../src/scanner/types.js';
import { memoryAudit } from '../commands/fake-chat.js';

const origin = { requester: { platform: 'slack' as const, userId: 'U1', workspaceId: 'T1', channelId: 'C1' }, visibility: 'channel' as const };

/** An agent on the far side of a queue: specs and events cross as JSON, as they would through Redis. */
class QueueLikeExecutor implements Executor {
  readonly specs: ExecutionSpec[] = [];
  readonly cancelled: string[] = [];
  private readonly channels = new Map<string, EventChannel<ExecutionEvent>>();

  execute(spec: ExecutionSpec): AsyncIterable<ExecutionEvent> {
    this.specs.push(JSON.parse(JSON.stringify(spec)) as ExecutionSpec);
    const channel = new EventChannel<ExecutionEvent>();
    this.channels.set(spec.jobId, channel);
    channel.push({ kind: 'started', addresses: [{ target: 'db.dmz', address: '10.1.0.7', family: 4 }], totalPorts: 2 });
    channel.push({ kind: 'progress', done: 1, total: 2, open: 1 });
    return channel;
  }

  cancel(jobId: string): void {
    this.cancelled.push(jobId);
    const ports: PortResult[] = [{ port: 5432, protocol: 'tcp', state: 'open', reason: 'syn-ack', service: 'postgresql', rttMs: 0.4 }];
    const wire = JSON.stringify(encodeReport({ hosts: [{ target: 'db.dmz', address: '10.1.0.7', ports, summary: { open: 1 } }], durationMs: 12, cancelled: true }));
    const channel = this.channels.get(jobId)!;
    channel.push({ kind: 'result', report: decodeReport(JSON.parse(wire) as ReturnType<typeof encodeReport>) });
    channel.close();
  }
}

test('a remote route: typed targets to the executor, who-may-scan decided here, events and a cancelled result back', async () => {
  const remote = new QueueLikeExecutor();
  const decided: string[] = [];
  const zone: Route = {
    kind: 'remote',
    zone: 'dmz',
    executor: remote,
    authorise: (requester, targets, ports) => {
      decided.push(`${requester.userId} ${targets} ${ports.length}`);
      return Promise.resolve(requester.userId === 'U1' ? ok({ addresses: [], release: () => undefined }) : err(refusal('not-authorised', 'not you')));
    },
  };
  const service = createScanService({ policy: { authoriseScan: () => assert.fail('the local policy never sees a zone’s targets'), authoriseZoneScan: () => assert.fail('the route decides') }, audit: memoryAudit(), executor: { execute: () => assert.fail('not local'), cancel: () => undefined }, route: (request) => (request.targets.endsWith('.dmz') ? zone : { kind: 'local' }) });
  const job = service.submit({ targets: 'db.dmz', ports: '5432,5433', udp: false, text: '/scan db.dmz 5432,5433' }, origin);
  const kinds: string[] = [];
  for await (const event of job.events) {
    kinds.push(event.kind);
    if (event.kind === 'progress') assert.equal(service.cancel(job.id, origin.requester), 'cancelled');
  }
  const outcome = await job.outcome;
  assert.deepEqual(kinds, ['started', 'progress']);
  assert.deepEqual(decided, ['U1 db.dmz 2']);
  assert.deepEqual(remote.specs[0], { jobId: job.id, targets: { kind: 'typed', targets: 'db.dmz' }, requester: { platform: 'slack', userId: 'U1', workspaceId: 'T1', channelId: 'C1' }, ports: '5432,5433', protocol: 'tcp', options: { services: false, allHosts: false } });
  assert.deepEqual(remote.cancelled, [job.id]);
  assert.ok(outcome.kind === 'report' && outcome.report.cancelled);
  assert.equal(outcome.kind === 'report' ? outcome.report.hosts[0]?.ports.at(0)?.service : '', 'postgresql');
  const refused = await service.submit({ targets: 'db.dmz', ports: '5432', udp: false, text: 'scan' }, { ...origin, requester: { ...origin.requester, userId: 'U2' } }).outcome;
  assert.equal(refused.kind === 'problem' ? refused.problem.code : refused.kind, 'not-authorised');
});
