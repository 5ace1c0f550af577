// nmap's XML output format (-oX) for a portbot scan, so the tools that read nmap's files (ndiff,
// report generators, vulnerability managers, python-libnmap) read portbot's. Valid against the
// nmap.dtd Debian's nmap installs, except that `scanner` names portbot. A generator of lines:
// a full-range scan is written while it is read, never built whole in memory.
import { isIP } from 'node:net';
import { PortRanges } from '../request/port-list-format.js';
import type { HostReport, PortProbe, Protocol, ScanReport } from '../scanner/types.js';
import { PORTBOT_VERSION } from '../version.js';
import { hostStatus } from './host-status.js';
import type { HostStatus } from './later-fields.js';
import { nmapPortsLines } from './nmap-ports.js';
import { xmlAttrs } from './xml-text.js';

/** The scan around the report, which the report itself does not hold. */
export interface ScanRunInfo {
  /** The command as typed (nmaprun's args), e.g. "portbot scan web-1 1-1024 --xml". */
  readonly command: string;
  /** When the scan started, in ms since the epoch. */
  readonly startedAt: number;
  /** The ports asked for (scaninfo); by default the ports the report holds, which a cancelled scan cuts short. */
  readonly requested?: readonly PortProbe[];
  /** Why a cancelled scan stopped, e.g. "scan cancelled by SIGINT" (runstats errormsg). */
  readonly stopReason?: string;
}

/** The version of nmap's XML layout this writer follows (nmap 7.9x writes 1.05). */
const XML_OUTPUT_VERSION = '1.05';
const SCAN_TYPE: Readonly<Record<Protocol, string>> = { tcp: 'connect', udp: 'udp' };

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (value: number): string => String(value).padStart(2, '0');

/** C's ctime() in local time, as nmap writes startstr and timestr: "Sun Nov  9 22:12:18 2026". */
export function ctime(ms: number): string {
  const date = new Date(ms);
  const day = String(date.getDate()).padStart(2, ' ');
  return `${DAYS[date.getDay()]} ${MONTHS[date.getMonth()]} ${day} ${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())} ${date.getFullYear()}`;
}

const seconds = (ms: number): number => Math.floor(ms / 1000);

/** Distinct ports per protocol, as nmap's range syntax ("1-1024,8080") and a count. */
function scannedPorts(report: ScanReport, requested: readonly PortProbe[] | undefined): { protocol: Protocol; count: number; services: string }[] {
  const seen: Record<Protocol, Uint8Array> = { tcp: new Uint8Array(65536), udp: new Uint8Array(65536) };
  if (requested !== undefined) {
    for (let index = 0; index < requested.length; index++) seen[requested[index]!.protocol][requested[index]!.port] = 1;
  } else {
    for (const host of report.hosts) for (const port of host.ports) seen[port.protocol][port.port] = 1;
  }
  return (['tcp', 'udp'] as const).flatMap((protocol) => {
    const ranges = new PortRanges();
    let count = 0;
    for (let port = 1; port < 65536; port++) {
      if (seen[protocol][port] === 0) continue;
      ranges.add(port);
      count++;
    }
    return count === 0 ? [] : [{ protocol, count, services: ranges.toString() }];
  });
}

function* hostLines(host: HostReport, status: HostStatus): Generator<string> {
  yield `<host><status${xmlAttrs([['state', status.state], ['reason', status.reason], ['reason_ttl', 0]])}/>`;
  yield `<address${xmlAttrs([['addr', host.address], ['addrtype', isIP(host.address) === 6 ? 'ipv6' : 'ipv4']])}/>`;
  yield '<hostnames>';
  // The name the user asked for is nmap's type="user"; portbot makes no reverse lookups (no PTR).
  if (isIP(host.target) === 0) yield `<hostname${xmlAttrs([['name', host.target], ['type', 'user']])}/>`;
  yield '</hostnames>';
  yield* nmapPortsLines(host);
  yield '</host>';
}

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

export function* nmapXmlLines(report: ScanReport, run: ScanRunInfo): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>';
  yield '<!DOCTYPE nmaprun>';
  yield `<nmaprun${xmlAttrs([
    ['scanner', 'portbot'],
    ['args', run.command],
    ['start', seconds(run.startedAt)],
    ['startstr', ctime(run.startedAt)],
    ['version', PORTBOT_VERSION],
    ['xmloutputversion', XML_OUTPUT_VERSION],
  ])}>`;
  for (const { protocol, count, services } of scannedPorts(report, run.requested)) {
    yield `<scaninfo${xmlAttrs([['type', SCAN_TYPE[protocol]], ['protocol', protocol], ['numservices', count], ['services', services]])}/>`;
  }
  yield '<verbose level="0"/>';
  yield '<debugging level="0"/>';
  let up = 0;
  let down = 0;
  for (const host of report.hosts) {
    const status = hostStatus(host);
    if (status.state === 'up') up++;
    if (status.state === 'down') down++;
    yield* hostLines(host, status);
  }
  const finishedAt = run.startedAt + report.durationMs;
  const elapsed = (report.durationMs / 1000).toFixed(2);
  const total = report.hosts.length;
  const summary = `portbot done at ${ctime(finishedAt)}; ${plural(total, 'IP address', 'IP addresses')} (${plural(up, 'host', 'hosts')} up) scanned in ${elapsed} seconds`;
  const stopped = report.cancelled ? (run.stopReason ?? 'scan cancelled before it finished') : undefined;
  const finished = xmlAttrs([
    ['time', seconds(finishedAt)],
    ['timestr', ctime(finishedAt)],
    ['summary', summary],
    ['elapsed', elapsed],
    ['exit', stopped === undefined ? 'success' : 'error'],
    ['errormsg', stopped],
  ]);
  yield `<runstats><finished${finished}/><hosts up="${up}" down="${down}" total="${total}"/>`;
  yield '</runstats>';
  yield '</nmaprun>';
}
