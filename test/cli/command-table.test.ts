import { describe, expect, it } from 'vitest';
import { COMMANDS, invokedCommand } from '../../src/cli/command-table.ts';
import { runCli } from '../../src/cli/run.ts';
import type { CommandIO } from '../../src/cli/io.ts';

function captured() {
  const output = { out: '', err: '' };
  const io: CommandIO = {
    out: (text) => void (output.out += text),
    err: (text) => void (output.err += text),
    errIsTerminal: false,
    readStdin: async () => '',
    cwd: process.cwd(),
    env: {},
  };
  return { io, output };
}

const noStore = {
  withStore: () => Promise.reject(new Error('this command should not need the store')),
};

describe('the command table', () => {
  it('finds the invoked command past global options and their values', () => {
    expect(invokedCommand(['--db', 'kpi', 'kpis'])).toBe('kpis');
    expect(invokedCommand(['help', 'import'])).toBe('import');
    expect(invokedCommand(['--help'])).toBeUndefined();
  });

  it('lists every command in the help with its summary, without loading them', async () => {
    const { io, output } = captured();
    expect(await runCli(['--help'], io, noStore)).toBe(0);
    const lines = output.out.split('\n').map((line) => line.trim());
    for (const [name, { description }] of Object.entries(COMMANDS)) {
      const line = lines.find((text) => text.split(/\s/)[0] === name);
      expect(line, name).toContain(description.slice(0, 25));
    }
  });

  it('loads the invoked command in full, with its options', async () => {
    const { io, output } = captured();
    expect(await runCli(['import', '--help'], io, noStore)).toBe(0);
    expect(output.out).toContain('--format <name>');
  });

  it('runs a command that needs no store without opening one', async () => {
    const { io, output } = captured();
    expect(await runCli(['kpis', '--json'], io, noStore)).toBe(0);
    expect(JSON.parse(output.out).length).toBeGreaterThan(10);
  });

  it('answers an unknown option with exit 1 and the reason on standard error', async () => {
    const { io, output } = captured();
    expect(await runCli(['kpi', 'engagements', '--frm', '2025-01-01'], io, noStore)).toBe(1);
    expect(output.err).toBe("error: unknown option '--frm'\n(Did you mean --from?)\n");
  });
});
