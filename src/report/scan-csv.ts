// The scan as CSV for spreadsheets and scripts: a header, then one row per scanned port (closed
// ones included, like the JSON document). RFC 4180: CRLF line ends, fields quoted when they hold a
// quote, comma or line break. Hostnames and banners come from outside, so a cell that a spreadsheet
// would read as a formula (= + - @, tab, CR first) gets a leading apostrophe and quotes (OWASP's
// advice on CSV injection); readers see the text, never a formula.
import type { PortResult, ScanReport } from '../scanner/types.js';
import { detectedService } from './later-fields.js';

export const CSV_COLUMNS = ['address', 'target', 'port', 'protocol', 'state', 'reason', 'service', 'detected'] as const;

const FORMULA_START = /^[=+\-@\t\r]/;
/** Quoted: RFC 4180's specials, and ";" for spreadsheets that split on it in some locales. */
const NEEDS_QUOTES = /[",;\r\n]/;

export function csvCell(value: string): string {
  const neutral = FORMULA_START.test(value) ? `'${value}` : value;
  return neutral !== value || NEEDS_QUOTES.test(neutral) ? `"${neutral.replace(/"/g, '""')}"` : neutral;
}

/** "http nginx 1.25.3 (Ubuntu)": what service detection found, empty when it found nothing or did not run. */
function detectedText(port: PortResult): string {
  const detected = detectedService(port);
  if (detected === undefined) return '';
  const words = [detected.name, detected.product, detected.version].filter((word) => word !== undefined);
  if (detected.info !== undefined) words.push(`(${detected.info})`);
  return words.join(' ');
}

/** One record with its CRLF, every cell through csvCell. */
export const csvRow = (cells: readonly string[]): string => `${cells.map(csvCell).join(',')}\r\n`;

/** The document one record at a time, each with its CRLF. */
export function* scanCsvRecords(report: ScanReport): Generator<string> {
  yield csvRow(CSV_COLUMNS);
  for (const host of report.hosts) {
    const start = `${csvCell(host.address)},${csvCell(host.target)},`;
    for (const port of host.ports) {
      // Protocol, state and reason are closed sets of plain words: only the names need a look.
      const service = port.service === null ? '' : csvCell(port.service);
      yield `${start}${port.port},${port.protocol},${port.state},${port.reason},${service},${csvCell(detectedText(port))}\r\n`;
    }
  }
}
