import { resolve } from 'node:path';

/** Where a command writes: injectable so tests capture output without spawning a process. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly isTTY: boolean;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
};

/** `--data-dir`, else GOVCHAT_DATA_DIR, else ./data. */
export function resolveDataDir(io: CliIo, flag: string | undefined): string {
  return resolve(io.cwd, flag ?? io.env.GOVCHAT_DATA_DIR ?? 'data');
}

/** A usage mistake: printed with the command's usage line, exit code 2. */
export class UsageError extends Error {}
