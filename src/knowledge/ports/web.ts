import type { CuratedPort } from './entry.js';

// Web servers and the alternate ports that development servers and proxies use.
const devServer = {
  transports: ['tcp'],
  security: 'Development servers often run with debug pages, default credentials or no login at all; they are not meant to face the internet.',
  saferAlternative: 'Serve through a real web server or reverse proxy with HTTPS on 443.',
  risky: false,
} as const;

export const webPorts: readonly CuratedPort[] = [
  {
    port: 80, transports: ['tcp'], service: 'http', label: 'HTTP (web)',
    aliases: ['www', 'web', 'web server', 'website'],
    summary: 'The port web browsers use to fetch ordinary, unencrypted web pages.',
    usedFor: 'Websites and web APIs without encryption; today mostly a redirect to HTTPS on 443.',
    security: 'Nothing is encrypted: logins and cookies sent over plain HTTP can be read and changed on the way.',
    saferAlternative: 'HTTPS on 443, with port 80 only redirecting there.', risky: false,
    note: 'Web server (HTTP, unencrypted); should redirect to HTTPS', seeAlso: ['443'],
  },
  {
    port: 443, transports: ['tcp', 'udp'], service: 'https', label: 'HTTPS (secure web)',
    aliases: ['ssl', 'tls', 'http3', 'quic', 'secure web'],
    summary: 'The port web browsers use to fetch web pages over an encrypted connection (the padlock).',
    usedFor: 'Websites and APIs over TLS on TCP; HTTP/3 (QUIC) runs over UDP 443. Many VPNs also use it to blend in.',
    security: 'The connection is encrypted, but the application behind it can still be vulnerable: keep certificates valid and the software patched.',
    risky: false, note: 'Web server over TLS (HTTPS)', seeAlso: ['80', 'tcp vs udp'],
  },
  {
    port: 8080, transports: ['tcp'], service: 'http-alt', label: 'Alternate HTTP',
    aliases: ['http alt', 'http proxy'],
    summary: 'A second port for web pages, used when 80 is taken or a program runs without administrator rights.',
    usedFor: 'Application servers (Tomcat, Jenkins), web proxies and development servers.',
    security: 'Often an admin console or an internal app that was never meant to be public, served without TLS.',
    saferAlternative: 'Put it behind a reverse proxy with HTTPS, or keep it internal.', risky: false,
    note: 'Alternate web port: often an app server, proxy or admin console', seeAlso: ['80', '8443'],
  },
  {
    port: 8008, transports: ['tcp'], service: 'http-alt', label: 'Alternate HTTP',
    summary: 'Another spare port for web pages.',
    usedFor: 'Embedded web interfaces (smart TVs, Chromecast) and application servers.',
    security: 'Usually a device or app interface with weaker protection than a public website.',
    risky: false, note: 'Alternate web port: often a device or app interface', seeAlso: ['8080'],
  },
  {
    port: 8443, transports: ['tcp'], service: 'https-alt', label: 'Alternate HTTPS',
    aliases: ['https alt'],
    summary: 'A second port for encrypted web pages, often a management interface.',
    usedFor: 'Admin consoles of appliances and application servers (Tomcat, UniFi, Plesk), and HTTPS next to another service on 443.',
    security: 'Frequently a management console: keep it off the internet and behind strong logins.',
    risky: false, note: 'Alternate HTTPS port: often a management console', seeAlso: ['443'],
  },
  {
    ...devServer, port: 8000, service: 'http-alt', label: 'Alternate HTTP (development servers)',
    summary: 'A spare web port that programmers use while building websites.',
    usedFor: 'Python\'s http.server and Django\'s development server default to it, as do many test servers.',
    note: 'Alternate web port: often a development server', seeAlso: ['80'],
  },
  {
    ...devServer, port: 8888, service: 'http-alt', label: 'Alternate HTTP (notebooks, dev servers)',
    summary: 'A spare web port, often used by data-science notebooks and test servers.',
    usedFor: 'Jupyter Notebook\'s default port and many development servers.',
    security: 'An exposed Jupyter notebook without a token lets anyone run code on the machine.',
    note: 'Alternate web port: often Jupyter or a development server', seeAlso: ['80'],
  },
  {
    ...devServer, port: 3000, service: 'http-alt', label: 'Alternate HTTP (Node.js, Grafana)',
    summary: 'A spare web port used by many web frameworks while they are being developed.',
    usedFor: 'Default port of Node.js and Ruby on Rails development servers and of Grafana dashboards.',
    note: 'Web app port: often a Node.js/Rails dev server or Grafana', seeAlso: ['80'],
  },
];
