// Child process for the ingest fault tests (packages/core/src/ingest-faults.test.ts): ingests a
// corpus with the built core (dist/) and stops dead at a chosen moment, tells the parent over
// IPC, and waits there to be SIGKILLed — so the kill lands at a known point every run instead of
// racing a timer.
//   node fault-ingest-child.mjs '{"corpusDir": "...", "dataDir": "...", "stall": "write" | "commit"}'
// stall "write":  while the new generation's second file is being written inside its *.partial folder
// stall "commit": after the generation is complete and renamed, before CURRENT moves (beforeCommit)
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { dirname } from 'node:path';

const { corpusDir, dataDir, stall } = JSON.parse(process.argv[2] ?? '{}');
// Keeps the process up while it hangs (the IPC channel alone may not, once the parent unrefs it).
setInterval(() => {}, 60_000);

const hang = (where) => {
  process.send({ stage: 'stalled', ...where });
  return new Promise(() => {});
};

if (stall === 'write') {
  // Core writes each file with fs/promises `open`; patching the builtin before core is imported
  // (and syncing its ESM bindings) lets the child freeze mid-write without any hook in core.
  const open = fsp.open;
  let partialWrites = 0;
  fsp.open = async (path, flags, ...rest) => {
    if (flags === 'w' && dirname(String(path)).endsWith('.partial')) {
      partialWrites++;
      if (partialWrites === 2) return hang({ partial: dirname(String(path)), file: String(path) });
    }
    return open(path, flags, ...rest);
  };
  syncBuiltinESMExports();
}

const { ingestCorpus, loadCorpus } = await import('@govchat/core');
const corpus = await loadCorpus(corpusDir);
process.send({ stage: 'ingesting', entries: corpus.entries.length });
await ingestCorpus(corpus, {
  dataDir,
  ...(stall === 'commit' ? { beforeCommit: () => hang({}) } : {}),
});
process.send({ stage: 'done' });
process.exit(0);
