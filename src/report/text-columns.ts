// Left-aligned plain-text columns, as nmap prints its PORT/STATE/SERVICE/REASON table.
export function formatColumns(rows: readonly (readonly string[])[], gap = 1): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, cell.length)));
  // The last column is not padded, so lines carry no trailing spaces.
  return rows.map((row) => row.map((cell, index) => (index === row.length - 1 ? cell : cell.padEnd((widths[index] ?? 0) + gap))).join(''));
}
