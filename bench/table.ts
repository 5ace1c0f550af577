// The benchmark table: medians, ratio (or value) against the aim, and whether answers were right.
import { median, type BenchRow } from './case.js';

const pad = (text: string, width: number): string => text.padEnd(width);
const ms = (value: number): string => (Number.isNaN(value) ? '-' : value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(0)} ms`);
const mb = (value: number): string => (Number.isNaN(value) ? '-' : `${value.toFixed(0)} MB`);

export function formatTable(rows: readonly BenchRow[]): string {
  const lines = [['case', 'portbot (median)', 'nmap (median)', 'result', 'aim', 'runs', 'answers', 'note']];
  for (const row of rows) {
    const ours = median(row.portbot);
    const theirs = median(row.nmap);
    const isRatio = row.kind === 'ratio';
    const timed = row.kind !== 'megabytes';
    const value = isRatio ? ours / theirs : ours;
    const met = value <= row.aim;
    const result = isRatio ? `ratio ${value.toFixed(3)}` : timed ? ms(value) : mb(value);
    const aim = isRatio ? `<=${row.aim.toFixed(2)}` : `<= ${timed ? ms(row.aim) : mb(row.aim)}`;
    lines.push([
      row.name,
      timed ? ms(ours) : mb(ours),
      timed ? ms(theirs) : mb(theirs),
      result,
      `${aim} ${met ? 'met' : 'MISSED'}`,
      `${String(row.portbot.length)}/${String(row.nmap.length)}`,
      row.correct ? 'right' : 'WRONG',
      row.note,
    ]);
  }
  const widths = lines[0]!.map((_, column) => Math.max(...lines.map((line) => line[column]!.length)));
  return lines.map((line) => line.map((cell, column) => pad(cell, widths[column]!)).join('  ').trimEnd()).join('\n');
}
