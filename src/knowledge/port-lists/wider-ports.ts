// The hand-picked part of the `thorough` list: ports above the well-known range (and a few
// unassigned ones below it) where widely deployed software listens by default, written from the
// products' own defaults. portbot's curation, like the curated notes; no frequency data from
// nmap-services (its licence forbids copying it). docs/port-lists.md explains the whole list.
import type { Protocol } from '../../scanner/types.js';

export interface WiderPorts {
  /** Single ports and inclusive [from, to] runs. */
  readonly ports: readonly (number | readonly [number, number])[];
  readonly protocol: Protocol;
  /** What listens there, so a reviewer can check each entry. */
  readonly why: string;
}

const tcp = (why: string, ...ports: WiderPorts['ports']): WiderPorts => ({ ports, protocol: 'tcp', why });
const udp = (why: string, ...ports: WiderPorts['ports']): WiderPorts => ({ ports, protocol: 'udp', why });

export const widerPorts: readonly WiderPorts[] = [
  // Web servers, admin panels and development servers on spare ports.
  tcp('alternate HTTP on routers, cameras and small appliances', 81, 82, 8090, 8800, 8880, 8888, 9080, 10080, 18080),
  tcp('more alternate HTTP(S) ports of proxies and app servers', [8001, 8010], [8082, 8089], 8098, 8099, 8100, 8180, 8280, 8281, 8383, 8444, 9002, 9003, 7443, 4443, 9444),
  tcp('cPanel, WHM and webmail panels', 2082, 2083, 2086, 2087, 2095, 2096),
  tcp('development servers: Node, Rails, Angular, Vite, Sinatra, Phoenix, Jekyll', 3001, 3002, 3003, 4000, 4200, 4567, 5173, 8008),
  tcp('Java servers: WebLogic, GlassFish admin, WebSphere, Tomcat AJP, JMX and RMI', 7001, 7002, 4848, 9043, 9060, 8009, 1099, 9999),
  tcp('Java and Node debuggers (remote code execution when exposed)', 5005, 9229, 8000),
  tcp('Kibana, Grafana, Prometheus, Alertmanager, Cockpit, Netdata, Zabbix, Nagios and Checkmk', 5601, 9090, 9091, 9093, 19999, 10050, 10051, 5666, 6556, 4949, 2003, 2004),
  tcp('metrics exporters next to node_exporter', [9101, 9104], 9113, 9115, 9187),
  tcp('tracing and logging: Jaeger, Zipkin, OpenTelemetry, Loki, Logstash and Beats', 14250, 14268, 16686, 9411, 4317, 4318, 3100, 9600, 5044),
  tcp('home and media servers: Plex, Jellyfin, Home Assistant, Syncthing, Transmission, DAAP, DLNA', 32400, 8096, 8123, 8384, 3689, 8200),
  tcp('Synology DSM over HTTPS, Odoo, Confluence, Splunk, Solr, Nessus, OpenVAS', 5001, 8069, 8090, 8089, 8983, 8834, 9390, 9392),
  tcp('Spark, Hadoop and HBase web interfaces', 4040, 7077, 8042, 8088, 50070, 50075, 16010),
  tcp('Selenium and exploitation frameworks\' defaults (a finding in itself)', 4444, 3790, 55553),
  // Remote access and remote management.
  tcp('SSH and RDP moved to other ports', 2200, 2223, 22222, 3390),
  tcp('VNC displays :1 to :10, VNC over HTTP and noVNC', [5800, 5801], [5901, 5910], 6080),
  tcp('X11 displays :1 to :10', [6001, 6010]),
  tcp('remote support tools: TeamViewer, AnyDesk, Radmin, pcAnywhere, DameWare, Apple Remote Desktop', 5938, 7070, 4899, 5631, 6129, 3283),
  tcp('MikroTik Winbox and API, Intel AMT, TR-069 device management', 8291, 8728, 8729, 16992, 16993, 7547),
  tcp('Android Debug Bridge over the network', 5555),
  // Databases, caches and data stores.
  tcp('second instances and proxies of MySQL, PostgreSQL and Redis; MySQL X protocol; PgBouncer', 3307, 5433, 6380, 6432, 33060),
  tcp('Oracle TNS with TLS, DB2, Firebird, Pervasive, Redshift', 2483, 2484, 50000, 3050, 1583, 5439),
  tcp('Cassandra cluster ports, Couchbase, Riak, InfluxDB', 7000, 7199, 9160, [8091, 8093], 8087, 8086),
  tcp('Neo4j, OrientDB, RethinkDB, CockroachDB', 7474, 7687, 2424, 2480, 28015, 29015, 26257),
  tcp('MongoDB shard and config servers, its old web status page', 27018, 27019, 28017),
  tcp('Elasticsearch transport', 9300),
  // Messaging, coordination and orchestration.
  tcp('ZooKeeper peers, NATS, Erlang port mapper, RabbitMQ management and clustering, STOMP, ActiveMQ', 2888, 3888, 4222, 8222, 4369, 15672, 25672, 61613, 61614, 61616, 8161),
  tcp('Docker Swarm, Consul, Nomad, Vault, Eureka', 2377, 7946, [8300, 8302], 8500, 8600, 4646, 8200, 8761),
  tcp('Kubernetes kubelet read-only, kube-proxy, controller manager and scheduler', 10255, 10256, 10257, 10259),
  tcp('Kafka listeners beside 9092, Kafka Connect, Schema Registry', 9093, 9094, 8083, 8081),
  // Files, mail, chat and directory.
  tcp('alternate FTP ports', 2121, 8021),
  tcp('NFS helpers (mountd, lockd), GlusterFS, Ceph monitors', 20048, 4045, 24007, 6789, 3300),
  tcp('alternate SMTP submission, ManageSieve, XMPP over HTTP, Matrix federation', 2525, 4190, 5280, 8448),
  tcp('IRC beside 6667 (ircu\'s registered range)', [6665, 6669]),
  tcp('Windows: early dynamic RPC ports, WS-Discovery API, Delivery Optimization, AD Web Services, WSUS', [1025, 1030], [49152, 49157], 5357, 7680, 9389, 8530, 8531),
  tcp('UPnP device descriptions, the ports of exploited home-router services, Dahua video recorders', 2869, 52869, 37215, 37777),
  tcp('Subversion, OpenPGP keyservers, Privoxy, Tor', 3690, 11371, 8118, 9001, 9030, 9050, 9051),
  tcp('Google push, Apple lockdown (iOS pairing)', 5228, 62078),
  // Media, voice and games.
  tcp('RTMP streaming, alternate RTSP, TURN over TLS', 1935, 8554, 5349),
  tcp('game servers: Minecraft, Source, Terraria, Unreal', 25565, 27015, 7777),
  tcp('cryptocurrency nodes and their RPC ports (Bitcoin, Ethereum, Monero, Lightning)', 8332, 8333, 8545, 30303, 18080, 18081, 9735),
  // Industrial control systems: often the most dangerous thing to find open.
  tcp('ICS: Niagara Fox, IEC 60870-5-104, OPC UA, PCWorx, OMRON FINS, GE SRTP, HART-IP, EtherNet/IP', 1911, 2404, 4840, 1962, 9600, 18245, 5094, 44818),
  tcp('backup agents: NetBackup, Bacula', 13720, 13721, [9101, 9103]),
  // UDP services beyond the curated ones.
  udp('VXLAN, Flannel, Geneve overlays; StatsD', 4789, 8472, 6081, 8125),
  udp('voice and media: RTP, TeamSpeak, Mumble', 5004, 5005, 9987, 64738),
  udp('game servers: Source, Minecraft Bedrock', 27015, 19132),
  udp('remote support and device discovery: pcAnywhere, Apple Remote Desktop, WS-Discovery', 5632, 3283, 3702),
  udp('ICS: EtherNet/IP implicit I/O, OMRON FINS', 2222, 9600),
];
