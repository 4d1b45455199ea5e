// Where a command writes and reads: this process's terminal, or a command line talking to the server.
export interface CommandIO {
  /** Standard output text, written as given (add the newline). */
  out(text: string): void;
  err(text: string): void;
  /** Whether standard error is a terminal (progress lines are drawn only there). */
  readonly errIsTerminal: boolean;
  /** Standard input, whole, as text. */
  readStdin(): Promise<string>;
  /** The folder relative paths are read from. */
  readonly cwd: string;
  /** The environment variables commands read (CADRAN_PUBLIC_URL, CADRAN_DEBUG…). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** This process's own streams. */
export function processIO(): CommandIO {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    errIsTerminal: Boolean(process.stderr.isTTY),
    readStdin: readProcessStdin,
    cwd: process.cwd(),
    env: process.env,
  };
}

/** Writes one line to standard output. */
export function printTo(io: CommandIO): (text: string) => void {
  return (text) => io.out(`${text}\n`);
}
