/**
 * Where a command's output goes and what environment it reads. The real process in production;
 * buffers in tests, so commands run in-process with their output captured.
 */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
}

export const processIo = (): CliIo => ({
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
});

/** Bad command line: unknown command or flag, missing or malformed argument. Exit code 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
}

/** A command that ran and failed for a reason the user can act on. Exit code 1 unless given. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Exit codes, documented in `lvzhi help`. */
export const EXIT = { ok: 0, failed: 1, usage: 2, auditBroken: 3, filesBroken: 4 } as const;

export function line(io: CliIo, text = ''): void {
  io.out(`${text}\n`);
}

export function json(io: CliIo, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}

/** Text columns padded to the widest cell; CJK characters count as two columns, as a terminal shows them. */
export function table(io: CliIo, header: string[], rows: string[][]): void {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const format = (cells: string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(widths[i]! - width(c)))).join('  ').trimEnd();
  line(io, format(header));
  for (const row of rows) line(io, format(row));
}

/** Human-readable byte count. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
