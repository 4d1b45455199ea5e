// Timing helpers: medians of several warm runs, printed as a table with the floor beside each figure.
import { createServer } from 'node:net';

export interface Timing {
  name: string;
  median_ms: number;
  min_ms: number;
  runs: number;
}

export async function time(name: string, work: () => Promise<unknown>, runs = 7): Promise<Timing> {
  await work(); // warm-up: caches, prepared plans
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { name, median_ms: samples[Math.floor(samples.length / 2)], min_ms: samples[0], runs };
}

export function printTable(title: string, rows: Record<string, string | number>[]): void {
  const header = Object.keys(rows[0]);
  const cells = [header, ...rows.map((row) => header.map((key) => formatCell(row[key])))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => row[column].length)));
  console.log(`\n${title}`);
  for (const [index, row] of cells.entries()) {
    console.log(
      row
        .map((cell, column) =>
          column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]),
        )
        .join('  '),
    );
    if (index === 0) console.log(widths.map((width) => '─'.repeat(width)).join('  '));
  }
}

function formatCell(value: string | number): string {
  return typeof value === 'number'
    ? Number.isInteger(value)
      ? String(value)
      : value.toFixed(1)
    : value;
}

/** A TCP port free on loopback at the time of asking. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
