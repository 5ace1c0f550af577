// What the requester of a job that died with its process is told at the next start: the job, that
// it did not finish, and the command to run it again.
import { utcMinute } from './age.js';
import type { Reply } from './reply.js';
import type { Job } from '../store/types.js';

export function interruptedReply(job: Job): Reply {
  const { targets, ports, protocol } = job.request;
  const command = ['/scan', targets.join(','), ports ?? '', protocol === 'udp' ? 'udp' : '', job.visibility === 'requester' ? 'private' : ''].filter((part) => part !== '').join(' ');
  return {
    title: `Scan ${job.id} was interrupted`,
    summary: `Your scan of ${targets.join(', ')} (started ${utcMinute(job.startedAt ?? job.createdAt)}) did not finish: portbot stopped while it ran. Run it again: ${command}`,
    tone: 'warning',
    visibility: job.visibility,
    rows: [],
    sections: [],
    notes: [],
    actions: [{ kind: 'rescan', label: 'Run again', command }],
  };
}
