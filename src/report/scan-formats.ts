// The documents a scan can be written as, for `portbot scan --json|--xml|--csv` and for files
// attached in chat: each is a generator of ~64 KB text chunks from a ScanReport plus what the
// report does not hold (the command, the start time), with the file name and type to give it.
import { parsePortSpec } from '../request/ports.js';
import type { PortProbe, ScanReport } from '../scanner/types.js';
import { nmapXmlLines, type ScanRunInfo } from './nmap-xml.js';
import { scanCsvRecords } from './scan-csv.js';
import { scanDocumentLines } from './scan-document.js';
import { chunked, withNewlines } from './text-chunks.js';

export type { ScanRunInfo } from './nmap-xml.js';

export type ScanFormatName = 'json' | 'xml' | 'csv';

export interface ScanFormat {
  readonly name: ScanFormatName;
  /** What messages call it: "standard output was closed before the whole XML document was written". */
  readonly label: string;
  /** Content type for an attachment or a download. */
  readonly mimeType: string;
  readonly fileName: string;
  /** The whole document in chunks of about 64 KB, produced only as they are read. */
  chunks(report: ScanReport, run: ScanRunInfo): Generator<string>;
}

export const SCAN_FORMATS: Readonly<Record<ScanFormatName, ScanFormat>> = {
  json: {
    name: 'json',
    label: 'JSON document',
    mimeType: 'application/json',
    fileName: 'portbot-scan.json',
    chunks: (report) => chunked(withNewlines(scanDocumentLines(report))),
  },
  xml: {
    name: 'xml',
    label: 'XML document',
    mimeType: 'application/xml',
    fileName: 'portbot-scan.xml',
    chunks: (report, run) => chunked(withNewlines(nmapXmlLines(report, run))),
  },
  csv: {
    name: 'csv',
    label: 'CSV document',
    // RFC 4180 registers text/csv; `header=present` tells readers the first row names the columns.
    mimeType: 'text/csv; charset=utf-8; header=present',
    fileName: 'portbot-scan.csv',
    chunks: (report) => chunked(scanCsvRecords(report)),
  },
};

/** The format the CLI flags ask for (undefined: the table), or the one line saying they conflict. */
export function formatFromFlags(flags: Readonly<Partial<Record<ScanFormatName, boolean>>>): { readonly format?: ScanFormatName; readonly conflict?: string } {
  const given = (Object.keys(SCAN_FORMATS) as ScanFormatName[]).filter((name) => flags[name] === true);
  if (given.length > 1) return { conflict: `${given.map((name) => `--${name}`).join(' and ')} cannot be combined: choose one output format (--json, --xml or --csv)` };
  return given[0] === undefined ? {} : { format: given[0] };
}

/**
 * The ports asked for, which nmap's XML names in its scaninfo (a cancelled scan's report holds
 * fewer). Parsed again only for XML: a full range is 65,535 of them.
 */
export function requestedPorts(format: ScanFormatName, ports: string | undefined, udp: boolean): readonly PortProbe[] | undefined {
  if (format !== 'xml') return undefined;
  const parsed = parsePortSpec(ports ?? 'common', udp ? 'udp' : 'tcp');
  return parsed.ok ? parsed.value : undefined;
}
