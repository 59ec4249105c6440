/**
 * The printed report: every figure beside its target, sizes side by side, so one glance at a
 * terminal answers "did we meet the issue's numbers, and against what baseline".
 */

/** Plain-text table with left-aligned first column and right-aligned figures. */
export function renderTable(headers, rows) {
  const cells = [headers, ...rows].map((row) => row.map((c) => (c === null || c === undefined ? '—' : String(c))));
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => [...(row[i] ?? '')].length)));
  const pad = (text, i) => {
    const gap = ' '.repeat(widths[i] - [...text].length);
    return i === 0 ? text + gap : gap + text;
  };
  const line = (row) => row.map(pad).join('  ').trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export function formatReport(results) {
  const sizes = Object.keys(results.retrieval);
  const bySize = (read) => sizes.map((size) => read(size));
  const m = results.machine;
  const out = [];
  out.push(
    `govchat benchmark — ${results.mode} — ${results.date} — node ${m.node}, ${m.cpus} cpus, load ${m.loadAverage.join('/')} → ${m.loadAverageEnd.join('/')} — ${short(results.git)}`,
  );
  out.push('Timing figures are from a shared machine: compare runs on the same machine, at similar load.');
  out.push('');
  const ing = results.ingest.bySize;
  const mem = results.memory.bySize;
  const ret = results.retrieval;
  const base = results.baseline.bySize;
  const hn = results.hnsw.bySize;
  out.push(
    renderTable(
      ['figure (synthetic bilingual FAQs)', ...sizes],
      [
        ['ingest throughput (entries/s)', ...bySize((s) => ing[s]?.entriesPerSec)],
        ['ingest entries per CPU-second', ...bySize((s) => ing[s]?.entriesPerCpuSec)],
        ['ingest time (s)', ...bySize((s) => ing[s]?.seconds)],
        ['index on disk (MB)', ...bySize((s) => ing[s]?.diskMB)],
        ['index load time (s)', ...bySize((s) => mem[s]?.loadSeconds)],
        ['RSS of loaded index (MB)', ...bySize((s) => mem[s]?.rssDeltaMB)],
        ['RSS per 10k more entries (MB, slope)', ...bySize((s) => mem[s]?.rssMBPer10k)],
        ['hybrid retrieval p50 (ms)', ...bySize((s) => ret[s]?.p50Ms)],
        ['hybrid retrieval p95 (ms)', ...bySize((s) => ret[s]?.p95Ms)],
        ['hybrid retrieval CPU p50 / p95 (ms)', ...bySize((s) => pair(ret[s]?.cpuP50Ms, ret[s]?.cpuP95Ms))],
        ['hybrid hit@1 / hit@5', ...bySize((s) => pair(ret[s]?.hitAt1, ret[s]?.hitAt5))],
        ['engine ask p95 (ms, no network)', ...bySize((s) => ret[s]?.ask?.p95Ms)],
        ['engine ask CPU p95 (ms)', ...bySize((s) => ret[s]?.ask?.cpuP95Ms)],
        ['MiniSearch p50 (ms)', ...bySize((s) => base[s]?.p50Ms)],
        ['MiniSearch p95 (ms)', ...bySize((s) => base[s]?.p95Ms)],
        ['MiniSearch CPU p50 / p95 (ms)', ...bySize((s) => pair(base[s]?.cpuP50Ms, base[s]?.cpuP95Ms))],
        ['MiniSearch queries timed (time-boxed)', ...bySize((s) => base[s]?.samples)],
        ['MiniSearch hit@1 / hit@5', ...bySize((s) => pair(base[s]?.hitAt1, base[s]?.hitAt5))],
        ['HNSW recall@10 (core defaults)', ...bySize((s) => hn[s]?.recallAt10)],
        ['HNSW recall@60 (retriever depth)', ...bySize((s) => hn[s]?.recallAt60)],
        ['HNSW speed-up vs native brute force', ...bySize((s) => times(hn[s]?.speedup))],
        ['HNSW speed-up vs JS brute force', ...bySize((s) => times(hn[s]?.speedupVsJs))],
      ],
    ),
  );
  out.push('');
  out.push(
    renderTable(
      ['target', 'figure', 'target', 'status'],
      results.targets.map((t) => [t.label, t.figure, `${t.op} ${t.value}${t.unit}`, t.caveat === undefined ? t.status : `${t.status} (${t.caveat})`]),
    ),
  );
  const h = results.hnsw;
  if (h.sweep?.length > 0) {
    out.push('');
    out.push(
      `HNSW sweep at ${h.atEntries / 1000}k entries (${h.vectors} vectors, ${h.queries} queries, k=10; CPU ms per query; brute force ${h.bruteForce.nativeCpuMsPerQuery} ms native, ${h.bruteForce.jsCpuMsPerQuery} ms JS):`,
    );
    const points = [...h.sweep, ...(h.mSweep ?? []).flatMap((s) => s.points ?? [])];
    out.push(
      renderTable(
        ['M', 'efSearch', 'recall@10', 'p10 recall', 'worst', 'CPU ms/query', 'speed-up'],
        points.map((p) => [p.m, p.efSearch, p.recallAt10, p.p10RecallAt10, p.worstRecallAt10, p.cpuMsPerQuery, times(p.speedup)]),
      ),
    );
    const r = h.recommended;
    out.push(
      r?.efSearch
        ? `Recommended HNSW options: M=${r.m}, efConstruction=${r.efConstruction}, efSearch=${r.efSearch} (lowest efSearch reaching recall ${h.recallTarget}: ${r.minimalEfSearch}; at the recommendation recall@10 ${r.recallAt10}, ${r.speedup}× brute force${r.meetsSpeedup ? '' : ', under the 10× target at this size'})`
        : `Recommended HNSW options: ${r?.note ?? 'none'}`,
    );
  }
  out.push('');
  out.push(`Service (Socket.IO) and idle connections: ${results.serviceStatus.status}${results.serviceStatus.reason ? ` — ${results.serviceStatus.reason}` : ''}`);
  out.push(
    renderTable(
      ['service figure', 'first delta p95 (ms)', 'end p95 (ms)', 'errors'],
      Object.entries(results.service).map(([level, f]) => [`${level.slice(1)} concurrent client(s)`, f.firstDeltaP95Ms ?? 'not measured yet', f.endP95Ms ?? 'not measured yet', f.errors ?? 'not measured yet']),
    ),
  );
  out.push(`idle connections: ${results.idle.connections ?? 'not measured yet'}, RSS: ${results.idle.rssMB ?? 'not measured yet'}`);
  if (results.errors.length > 0) {
    out.push('');
    for (const e of results.errors) out.push(`ERROR ${e.size}: ${e.message}`);
  }
  return out.join('\n');
}

function pair(a, b) {
  return a === undefined || a === null ? null : `${a} / ${b}`;
}

function times(x) {
  return x === undefined || x === null ? null : `${x}×`;
}

function short(git) {
  return git.commit === null ? 'no git' : `commit ${git.commit.slice(0, 7)}${git.dirty ? ' (uncommitted changes)' : ''}`;
}
