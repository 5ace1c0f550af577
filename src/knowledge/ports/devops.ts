import type { CuratedPort } from './entry.js';

// Control planes of containers and clusters: an open one usually means the whole fleet.
export const devopsPorts: readonly CuratedPort[] = [
  {
    port: 2375, transports: ['tcp'], service: 'docker', label: 'Docker API (plain text)',
    summary: 'Lets programs start and stop containers on this machine over the network, without encryption.',
    usedFor: 'Remote control of the Docker daemon.',
    security: 'No login by default: anyone who reaches it can start a container that mounts the host\'s disk, which is root on the machine. Cryptominer gangs scan for it constantly.',
    saferAlternative: 'Docker over SSH, or TLS with client certificates on 2376.', risky: true,
    note: 'Docker API without TLS or login: root on the host for anyone who reaches it', seeAlso: ['2376'],
  },
  {
    port: 2376, transports: ['tcp'], service: 'docker-s', label: 'Docker API (TLS)',
    summary: 'Lets programs control containers on this machine over an encrypted connection.',
    usedFor: 'Remote control of the Docker daemon with TLS.',
    security: 'Safe only if it really demands client certificates (--tlsverify); whoever controls it controls the host.',
    risky: true, note: 'Docker API over TLS: check that client certificates are required', seeAlso: ['2375'],
  },
  {
    port: 2379, transports: ['tcp'], service: 'etcd-client', label: 'etcd client API',
    aliases: ['etcd'],
    summary: 'A small database that stores the settings and secrets of a cluster.',
    usedFor: 'Kubernetes and other systems keep their cluster state in etcd.',
    security: 'An etcd without client certificates gives away every Kubernetes secret and lets attackers rewrite the cluster.',
    risky: true, note: 'etcd cluster database: holds cluster secrets, require client certificates', seeAlso: ['2380', '6443'],
  },
  {
    port: 2380, transports: ['tcp'], service: 'etcd-server', label: 'etcd peer traffic',
    summary: 'The port that members of an etcd database cluster use to talk to each other.',
    usedFor: 'Replication between etcd members.',
    security: 'Only the other etcd members should reach it; use peer TLS.',
    risky: true, note: 'etcd peer port: only other etcd members should reach it', seeAlso: ['2379'],
  },
  {
    port: 6443, transports: ['tcp'], service: 'kube-apiserver', label: 'Kubernetes API server',
    aliases: ['kubernetes', 'k8s', 'kube api'],
    summary: 'The front door through which people and programs control a Kubernetes cluster.',
    usedFor: 'kubectl and every cluster component talk to the API server here.',
    security: 'It should require authentication for everything; anonymous access or a leaked token hands over the cluster. Restrict it to known networks.',
    risky: true, note: 'Kubernetes API server: cluster control, restrict who can reach it', seeAlso: ['10250', '2379'],
  },
  {
    port: 10250, transports: ['tcp'], service: 'kubelet', label: 'Kubernetes kubelet API',
    summary: 'The agent on each Kubernetes machine that starts containers when the cluster tells it to.',
    usedFor: 'The API server reaches each node\'s kubelet here for logs, exec and status.',
    security: 'A kubelet that allows anonymous requests lets anyone run commands inside the node\'s containers.',
    risky: true, note: 'Kubernetes kubelet: can run commands in containers, must not be anonymous', seeAlso: ['6443'],
  },
  {
    port: 9418, transports: ['tcp'], service: 'git', label: 'Git protocol (git://)',
    summary: 'Lets people download code from a Git server without logging in.',
    usedFor: 'Anonymous, read-only git:// clones.',
    security: 'No encryption and no authentication, so a download can be tampered with on the way.',
    saferAlternative: 'Git over HTTPS (443) or SSH (22).', risky: false,
    note: 'Git daemon (git://): unauthenticated, unencrypted reads', seeAlso: ['22', '443'],
  },
];
