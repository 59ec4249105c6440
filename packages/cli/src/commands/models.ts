import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_TRANSFORMER_MODEL, fetchTransformerModel, type TransformerDtype } from '@govchat/core';
import { UsageError, type CliIo } from '../cli-context.js';

export const MODELS_USAGE = `govchat models fetch <model id> [--models-dir DIR] [--dtype fp32|q8|fp16|int8|uint8|q4] [--hub URL]   (e.g. ${DEFAULT_TRANSFORMER_MODEL})`;

const DTYPES: readonly TransformerDtype[] = ['fp32', 'fp16', 'q8', 'int8', 'uint8', 'q4', 'q4f16', 'bnb4'];

/**
 * `govchat models fetch <id>`: downloads an embedding model from the Hugging Face hub (or the
 * mirror in --hub / HF_ENDPOINT) into the models directory (--models-dir, else MODELS_DIR, else
 * ./models), on a machine with internet. The folder it writes can be copied to an offline server.
 */
export async function runModels(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      'models-dir': { type: 'string' },
      dtype: { type: 'string', default: 'fp32' },
      hub: { type: 'string' },
    },
    allowPositionals: true,
  });
  const [action, model, ...extra] = positionals;
  if (action !== 'fetch') throw new UsageError(action === undefined ? 'expected "fetch"' : `unknown action "${action}"; expected "fetch"`);
  if (model === undefined || extra.length > 0) throw new UsageError('expected exactly one <model id>');
  const dtype = values.dtype as TransformerDtype;
  if (!DTYPES.includes(dtype)) throw new UsageError(`--dtype must be one of ${DTYPES.join(', ')}, not "${values.dtype}"`);
  const modelsDir = resolve(io.cwd, values['models-dir'] ?? io.env.MODELS_DIR ?? 'models');

  io.err(`fetching ${model} (${dtype}) into ${modelsDir} …\n`);
  const reported = new Map<string, number>();
  const fetched = await fetchTransformerModel({
    model,
    modelsDir,
    dtype,
    env: io.env,
    ...(values.hub === undefined ? {} : { remoteHost: values.hub }),
    onProgress: (file, loaded, total) => {
      // One line per file per quarter: readable in a CI log as well as a terminal.
      const quarter = total > 0 ? Math.floor((loaded / total) * 4) : 0;
      if ((reported.get(file) ?? -1) >= quarter) return;
      reported.set(file, quarter);
      io.err(`  ${file} ${total > 0 ? `${Math.round((loaded / total) * 100)}% of ${formatBytes(total)}` : formatBytes(loaded)}\n`);
    },
  });
  const total = fetched.files.reduce((sum, f) => sum + f.bytes, 0);
  io.out(`${fetched.model}: ${fetched.files.length} files, ${formatBytes(total)}, ${fetched.dimension} dimensions, in ${fetched.dir}\n`);
  for (const file of fetched.files) io.out(`  ${file.path}  ${formatBytes(file.bytes)}\n`);
  io.out(`Offline servers: copy ${fetched.dir} to the same place under their MODELS_DIR.\n`);
  return 0;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${bytes} B`;
}
