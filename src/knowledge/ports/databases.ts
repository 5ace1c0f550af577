import type { CuratedPort } from './entry.js';

// Databases, caches and search engines: none of them should ever face the internet.
const database = {
  transports: ['tcp'],
  saferAlternative: 'Let only the application servers reach it (firewall or private network); admins use a VPN or SSH tunnel.',
  risky: true,
} as const;

export const databasePorts: readonly CuratedPort[] = [
  {
    ...database, port: 3306, service: 'mysql', label: 'MySQL / MariaDB',
    aliases: ['mariadb'],
    summary: 'The door to a MySQL or MariaDB database, where an application keeps its data.',
    usedFor: 'Applications and admin tools talking to MySQL or MariaDB.',
    security: 'A database port should never face the internet: it invites password guessing and data theft.',
    note: 'MySQL/MariaDB database: should never face the internet', seeAlso: ['5432'],
  },
  {
    ...database, port: 5432, service: 'postgresql', label: 'PostgreSQL',
    aliases: ['postgres', 'psql'],
    summary: 'The door to a PostgreSQL database, where an application keeps its data.',
    usedFor: 'Applications and admin tools talking to PostgreSQL.',
    security: 'A database port should never face the internet; weak passwords here lead to stolen data and even command execution (COPY ... PROGRAM).',
    note: 'PostgreSQL database: should never face the internet', seeAlso: ['3306'],
  },
  {
    ...database, port: 1433, service: 'ms-sql-s', label: 'Microsoft SQL Server',
    aliases: ['mssql', 'sql server'],
    summary: 'The door to a Microsoft SQL Server database.',
    usedFor: 'Applications and tools talking to SQL Server.',
    security: 'A database port should never face the internet; attackers guess the "sa" password and run commands through xp_cmdshell.',
    note: 'Microsoft SQL Server: should never face the internet', seeAlso: ['1434'],
  },
  {
    ...database, port: 1434, transports: ['udp'], service: 'ms-sql-m', label: 'SQL Server Browser',
    summary: 'Tells programs on which port each SQL Server database instance is listening.',
    usedFor: 'Clients finding named SQL Server instances.',
    security: 'Reveals database instances and versions and should never face the internet; the Slammer worm spread through it in 2003.',
    note: 'SQL Server Browser: reveals database instances, block at the edge', seeAlso: ['1433'],
  },
  {
    ...database, port: 1521, service: 'oracle-tns', label: 'Oracle database listener (TNS)',
    aliases: ['oracle', 'tns'],
    summary: 'The door to an Oracle database.',
    usedFor: 'Applications and tools connecting to Oracle databases.',
    security: 'A database port should never face the internet; old listeners could be reconfigured remotely.',
    note: 'Oracle database listener: should never face the internet',
  },
  {
    ...database, port: 6379, service: 'redis', label: 'Redis',
    summary: 'A very fast in-memory data store that applications use as a cache or queue.',
    usedFor: 'Caches, sessions, queues and rate limiters.',
    security: 'Redis often runs without a password; an exposed one is wiped, ransomed or used to write SSH keys and run code on the host.',
    note: 'Redis: often no password, exposed instances get taken over', seeAlso: ['11211'],
  },
  {
    ...database, port: 27017, service: 'mongodb', label: 'MongoDB',
    aliases: ['mongo'],
    summary: 'The door to a MongoDB database, which stores data as documents.',
    usedFor: 'Applications talking to MongoDB.',
    security: 'Older versions listened everywhere without a login: tens of thousands were emptied and held for ransom. Enable authentication and bind to private addresses.',
    note: 'MongoDB: should never face the internet, require authentication',
  },
  {
    ...database, port: 9200, service: 'elasticsearch', label: 'Elasticsearch REST API',
    aliases: ['opensearch', 'elastic'],
    summary: 'The web interface of an Elasticsearch search database.',
    usedFor: 'Searching and storing logs and documents (Elasticsearch, OpenSearch).',
    security: 'Many clusters ran without a login and leaked billions of records; recent versions enable security by default, older ones do not.',
    note: 'Elasticsearch: data readable by anyone if security is off',
  },
  {
    ...database, port: 5984, service: 'couchdb', label: 'Apache CouchDB',
    summary: 'The web interface of a CouchDB document database.',
    usedFor: 'Applications and replication talking to CouchDB over HTTP.',
    security: 'A database port should never face the internet: old installs were in "admin party" mode (everyone is admin); exposed instances have been used to run code.',
    note: 'CouchDB: should never face the internet',
  },
  {
    ...database, port: 9042, service: 'cassandra', label: 'Apache Cassandra (CQL)',
    summary: 'The door to a Cassandra database, built for huge amounts of data spread over many machines.',
    usedFor: 'Applications talking to Cassandra with its query language (CQL).',
    security: 'Default installs accept anyone without a password.',
    note: 'Cassandra database: default installs need no password',
  },
  {
    ...database, port: 11211, transports: ['tcp', 'udp'], service: 'memcache', label: 'Memcached',
    aliases: ['memcached'],
    summary: 'A memory cache that applications use to keep answers they need often.',
    usedFor: 'Caching database results and web pages; the UDP protocol is off by default since version 1.5.6.',
    security: 'No authentication: exposed caches leak data, and over UDP memcached amplified the largest denial-of-service attacks of 2018 tens of thousands of times.',
    note: 'Memcached: no login, and a huge DDoS amplifier over UDP', seeAlso: ['6379'],
  },
  {
    ...database, port: 2181, service: 'zookeeper', label: 'Apache ZooKeeper',
    summary: 'A coordination service that keeps shared settings for clusters such as Kafka and Hadoop.',
    usedFor: 'Cluster configuration, leader election and locks.',
    security: 'No authentication by default; it can leak or let attackers change cluster configuration.',
    note: 'ZooKeeper: cluster configuration, no login by default', seeAlso: ['9092'],
  },
  {
    ...database, port: 9092, service: 'kafka', label: 'Apache Kafka',
    summary: 'A message log that carries streams of events between applications.',
    usedFor: 'Event streaming and data pipelines.',
    security: 'Plain listeners have no authentication or encryption: anyone can read or write every topic.',
    note: 'Kafka broker: topics open to anyone on a plain listener', seeAlso: ['2181'],
  },
];
