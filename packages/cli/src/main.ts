import { isGovchatError } from '@govchat/core';
import { processIo, UsageError, type CliIo } from './cli-context.js';
import { ASK_USAGE, runAsk } from './commands/ask.js';
import { BOTS_USAGE, runBots } from './commands/bots.js';
import { CALIBRATE_USAGE, runCalibrate } from './commands/calibrate.js';
import { EVAL_USAGE, runEvalCommand } from './commands/eval.js';
import { INGEST_USAGE, runIngest } from './commands/ingest.js';
import { MODELS_USAGE, runModels } from './commands/models.js';
import { SERVE_USAGE, runServe } from './commands/serve.js';

interface Command {
  readonly usage: string;
  readonly summary: string;
  readonly run: (argv: readonly string[], io: CliIo) => Promise<number>;
}

const COMMANDS: Readonly<Record<string, Command>> = {
  ingest: { usage: INGEST_USAGE, summary: 'validate and index FAQ corpora', run: runIngest },
  ask: { usage: ASK_USAGE, summary: 'answer one question', run: runAsk },
  bots: { usage: BOTS_USAGE, summary: 'list ingested bots', run: runBots },
  eval: { usage: EVAL_USAGE, summary: 'measure answer accuracy on a dataset', run: runEvalCommand },
  calibrate: { usage: CALIBRATE_USAGE, summary: 'fit when to abstain for the ingested indexes', run: runCalibrate },
  models: { usage: MODELS_USAGE, summary: 'download an embedding model for offline use', run: runModels },
  serve: { usage: SERVE_USAGE, summary: 'serve the chat API, Socket.IO, widget and demo pages', run: runServe },
};

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)} ${c.summary}\n  ${' '.repeat(width)} ${c.usage}`);
  return `govchat — FAQ chatbots for Hong Kong government departments\n\nCommands:\n${lines.join('\n')}\n`;
}

/**
 * Runs the CLI and returns the exit code: 0 ok, 1 failed (message on stderr), 2 usage error.
 *
 * @example process.exitCode = await main(['ask', '--bot', 'iam-smart', '點樣登記智方便']);
 */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    io.err(`unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${(error as Error).message}\nusage: ${command.usage}\n`);
      return 2;
    }
    if (isGovchatError(error)) {
      io.err(`error: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
