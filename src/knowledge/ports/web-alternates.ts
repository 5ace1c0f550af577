import type { CuratedPort } from './entry.js';

// More alternate web ports: what products put their web pages, APIs and admin consoles on when 80,
// 443 and 8080 are taken. IANA registered most of these numbers to other, rarer services; the
// deviations are listed with reasons in test/knowledge/curated-vs-iana.test.ts.
const adminConsole = 'A management console: keep it off the internet and behind strong logins.';

export const webAlternatePorts: readonly CuratedPort[] = [
  {
    port: 8081, transports: ['tcp'], service: 'http-alt', label: 'Alternate HTTP',
    summary: 'Another spare web port, often the second web application on a machine that already uses 8080.',
    usedFor: 'Nexus Repository Manager, proxies, McAfee ePO agents and second instances of application servers.',
    security: 'Usually an internal tool or admin interface, served without TLS.',
    saferAlternative: 'Put it behind a reverse proxy with HTTPS, or keep it internal.', risky: false,
    note: 'Alternate web port: often a repository manager, proxy or second app server', seeAlso: ['8080'],
  },
  {
    port: 8181, transports: ['tcp'], service: 'http-alt', label: 'Alternate HTTP (Java application servers)',
    summary: 'A spare web port that Java application servers use for their web pages and consoles.',
    usedFor: 'GlassFish and Payara serve HTTPS on it by default; Apache Karaf and OpenDaylight put their web consoles there.',
    security: 'Often an application server\'s admin or management interface.',
    risky: false, note: 'Alternate web port: often a Java app server (GlassFish, Payara, Karaf)', seeAlso: ['8080', '8443'],
  },
  {
    port: 9443, transports: ['tcp'], service: 'https-alt', label: 'Alternate HTTPS (management consoles)',
    summary: 'Another port for encrypted web pages, mostly the admin pages of software and appliances.',
    usedFor: 'Portainer, WSO2 products and the admin consoles of VMware and IBM WebSphere serve HTTPS here.',
    security: adminConsole,
    risky: false, note: 'Alternate HTTPS port: often a management console (Portainer, WSO2)', seeAlso: ['443', '8443'],
  },
  {
    port: 10443, transports: ['tcp'], service: 'https-alt', label: 'Alternate HTTPS (VPN portals)',
    summary: 'A high port for encrypted web pages, often a VPN login portal moved off 443.',
    usedFor: 'SSL VPN portals (FortiGate and other firewalls, when 443 serves something else) and appliance admin pages.',
    security: 'VPN portals are a favourite target of attackers: patch the appliance as soon as fixes appear and require MFA.',
    risky: false, note: 'Alternate HTTPS port: often an SSL VPN portal or appliance admin page', seeAlso: ['443'],
  },
  {
    port: 5000, transports: ['tcp'], service: 'http-alt', label: 'Alternate HTTP (Flask, Docker registry, NAS)',
    summary: 'A spare port that many development servers and devices pick for their web interface.',
    usedFor: 'Flask\'s development server, the Docker registry, Synology DiskStation web pages and, on recent Macs, the AirPlay receiver.',
    security: 'A Docker registry without authentication lets anyone pull or push images, and a Flask debug page can run code for whoever finds it.',
    saferAlternative: 'Keep it on localhost, or behind a reverse proxy with HTTPS and a login.', risky: false,
    note: 'Often a Flask dev server, Docker registry, Synology NAS or macOS AirPlay', seeAlso: ['8000'],
  },
  {
    port: 9000, transports: ['tcp'], service: 'cslistener', label: 'Port 9000 (PHP-FPM, MinIO, SonarQube)',
    aliases: ['php fpm', 'php-fpm', 'fastcgi'],
    summary: 'A spare port shared by PHP\'s FastCGI process manager and several web applications.',
    usedFor: 'PHP-FPM listens here by default behind a web server; MinIO\'s S3 API, SonarQube and older Portainer versions serve web pages on it.',
    security: 'A reachable PHP-FPM lets anyone run PHP code on the machine; MinIO and SonarQube need strong credentials.',
    saferAlternative: 'Bind PHP-FPM to localhost or a Unix socket; put web applications behind a reverse proxy with HTTPS.', risky: true,
    note: 'Often PHP-FPM (must stay internal), MinIO, SonarQube or Portainer', seeAlso: ['80'],
  },
];
