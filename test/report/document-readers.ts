// The programs that read nmap XML and CSV in the field, run on portbot's files: xmllint with
// Debian nmap's DTD (scanner attribute relaxed to admit portbot, nothing else), xsltproc with
// nmap.xsl, ndiff, python3-libnmap, and Python's csv module. Tests call them instead of comparing
// strings, so what is checked is what those tools accept and read back.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's python3 (where python3-libnmap is installed), not a pyenv python3 on PATH. */
const PYTHON = '/usr/bin/python3';
const NMAP_DTD = '/usr/share/nmap/nmap.dtd';
const NMAP_XSL = '/usr/share/nmap/nmap.xsl';

function missing(command: string, args: readonly string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return false;
  } catch {
    return true;
  }
}

/** Why the XML readers cannot run here, naming the Debian packages (.ci/run installs them). */
export function xmlReadersSkipReason(): string | undefined {
  const absent = [
    missing('xmllint', ['--version']) ? 'libxml2-utils' : '',
    missing('xsltproc', ['--version']) ? 'xsltproc' : '',
    missing('ndiff', ['--help']) ? 'ndiff' : '',
    existsSync(NMAP_DTD) && existsSync(NMAP_XSL) ? '' : 'nmap',
    missing(PYTHON, ['-c', 'import libnmap.parser']) ? 'python3-libnmap' : '',
  ].filter(Boolean);
  return absent.length === 0 ? undefined : `needs ${absent.join(', ')}: skipped (apt-get install ${absent.join(' ')})`;
}

export function csvReaderSkipReason(): string | undefined {
  return missing(PYTHON, ['-c', 'import csv']) ? `needs ${PYTHON}: skipped (apt-get install python3)` : undefined;
}

const workDir = mkdtempSync(join(tmpdir(), 'portbot-readers-'));
process.on('exit', () => rmSync(workDir, { recursive: true, force: true }));
let fileCount = 0;

/** Writes a document to a file of its own in a temporary directory removed at exit. */
export function documentFile(text: string, extension: string): string {
  const path = join(workDir, `document-${++fileCount}.${extension}`);
  writeFileSync(path, text);
  return path;
}

/** nmap.dtd with exactly one change: `scanner` admits "portbot" as well as "nmap". */
function relaxedDtd(): string {
  const path = join(workDir, 'nmap-portbot.dtd');
  if (existsSync(path)) return path;
  const original = readFileSync(NMAP_DTD, 'utf8');
  const pattern = /(<!ATTLIST nmaprun\s+scanner\s+)\(nmap\)/;
  if (!pattern.test(original)) throw new Error(`${NMAP_DTD} no longer declares scanner as (nmap): update this test`);
  writeFileSync(path, original.replace(pattern, '$1(nmap|portbot)'));
  return path;
}

export interface ToolRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: string, args: readonly string[]): ToolRun {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error !== undefined) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `xmllint --noout --dtdvalid <relaxed nmap.dtd> file`: code 0 and no output when valid. */
export const xmllintValidate = (file: string): ToolRun => run('xmllint', ['--noout', '--dtdvalid', relaxedDtd(), file]);

/** nmap's own stylesheet turned into HTML by xsltproc. */
export const renderWithNmapXsl = (file: string): ToolRun => run('xsltproc', [NMAP_XSL, file]);

export const ndiff = (before: string, after: string): ToolRun => run('ndiff', [before, after]);

export interface ReadPort {
  readonly protocol: string;
  readonly port: number;
  readonly state: string;
  readonly reason: string;
  readonly service: string;
  readonly banner: string;
}

export interface ReadHost {
  readonly address: string;
  readonly ipv6: string;
  readonly status: string;
  readonly hostnames: string[];
  readonly ports: ReadPort[];
  /** <extraports> as ElementTree reads them: state, count and each extrareasons' attributes. */
  readonly extraports: { state: string; count: string; reasons: Record<string, string>[] }[];
  readonly statusReason: string;
}

export interface ReadScan {
  readonly scanner: string;
  readonly commandline: string;
  readonly version: string;
  readonly started: number;
  readonly elapsed: number;
  readonly summary: string;
  readonly hostsTotal: number;
  readonly hostsUp: number;
  readonly hostsDown: number;
  readonly consistent: boolean;
  readonly finished: Record<string, string>;
  readonly scaninfo: Record<string, string>[];
  readonly hosts: ReadHost[];
  /** nmaprun's startstr, and what C's ctime() (Python's time.ctime) makes of its start. */
  readonly startstr: string;
  readonly startCtime: string;
}

const LIBNMAP_READER = `
import json, sys, time
import xml.etree.ElementTree as ET
from libnmap.parser import NmapParser
report = NmapParser.parse_fromfile(sys.argv[1])
tree = ET.parse(sys.argv[1]).getroot()
def extraports(element):
    return [{'state': e.get('state'), 'count': e.get('count'), 'reasons': [dict(r.attrib) for r in e.findall('extrareasons')]}
            for e in element.findall('ports/extraports')]
hosts = []
for host, element in zip(report.hosts, tree.findall('host')):
    hosts.append({
        'address': host.address, 'ipv6': host.ipv6, 'status': host.status, 'hostnames': host.hostnames,
        'statusReason': element.find('status').get('reason'),
        'ports': [{'protocol': s.protocol, 'port': s.port, 'state': s.state, 'reason': s.reason, 'service': s.service, 'banner': s.banner}
                  for s in host.services],
        'extraports': extraports(element),
    })
print(json.dumps({
    'scanner': tree.get('scanner'), 'commandline': report.commandline, 'version': report.version,
    'started': report.started, 'elapsed': report.elapsed, 'summary': report.summary,
    'hostsTotal': report.hosts_total, 'hostsUp': report.hosts_up, 'hostsDown': report.hosts_down,
    'consistent': report.is_consistent(), 'finished': dict(tree.find('runstats/finished').attrib),
    'scaninfo': [dict(e.attrib) for e in tree.findall('scaninfo')], 'hosts': hosts,
    'startCtime': time.ctime(int(tree.get('start'))), 'startstr': tree.get('startstr'),
}))
`;

/** What python3-libnmap (NmapParser.parse_fromfile) reads from the file; throws if it cannot. */
export function readWithLibnmap(file: string): ReadScan {
  const result = run(PYTHON, ['-c', LIBNMAP_READER, file]);
  if (result.code !== 0) throw new Error(`python3-libnmap could not read ${file}: ${result.stderr}`);
  return JSON.parse(result.stdout) as ReadScan;
}

/** Rows as Python's csv module reads them (newline='' as its documentation asks). */
export function readWithPythonCsv(file: string): string[][] {
  const script = "import csv, json, sys\nwith open(sys.argv[1], newline='', encoding='utf-8') as f:\n    print(json.dumps(list(csv.reader(f, strict=True))))";
  const result = run(PYTHON, ['-c', script, file]);
  if (result.code !== 0) throw new Error(`Python's csv module could not read ${file}: ${result.stderr}`);
  return JSON.parse(result.stdout) as string[][];
}
