// Left-aligned plain-text columns, as nmap prints its PORT/STATE/SERVICE/REASON table. Every
// monospace renderer (terminal, chat code blocks) pads with these, so the columns line up alike.

/** The width of each column: its longest cell, capped at `cap` characters. */
export function columnWidths(rows: readonly (readonly string[])[], cap = Number.POSITIVE_INFINITY): number[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, Math.min(cell.length, cap))));
  return widths;
}

/** Pads every cell but the last to its column's width plus `gap`; lines carry no trailing spaces. */
export function formatColumns(rows: readonly (readonly string[])[], gap = 1, widths = columnWidths(rows)): string[] {
  return rows.map((row) => row.map((cell, index) => (index === row.length - 1 ? cell : cell.padEnd((widths[index] ?? 0) + gap))).join('').trimEnd());
}
