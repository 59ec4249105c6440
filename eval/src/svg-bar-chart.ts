import { escapeHtml } from './escape-html.js';
import type { ShareInterval } from './significance.js';

/** One group of bars (a language, or a configuration), one bar per series. */
export interface BarGroup {
  readonly label: string;
  /** 0–1, one per series, in series order. */
  readonly values: readonly number[];
  /** The 95% interval of each value (same order), drawn as a whisker; a small group's is wide. */
  readonly intervals?: readonly (ShareInterval | undefined)[];
}

export interface BarChart {
  /** Read by screen readers (the SVG's accessible name). */
  readonly title: string;
  /** Names of the bars within a group (e.g. configurations); one series needs no legend. */
  readonly series: readonly string[];
  readonly groups: readonly BarGroup[];
  /** A dashed line at this share, e.g. the 0.90 target. */
  readonly target?: number;
}

/** Distinguishable in colour and greyscale; the first (the product) is the strongest. */
const PALETTE = ['#1f6f5c', '#d08c2e', '#5b6fb5', '#a04a6c', '#6d6d6d', '#3c9bb8'];
const WIDTH = 640;
const LABEL_WIDTH = 110;
const VALUE_WIDTH = 52;
const BAR_HEIGHT = 16;
const BAR_GAP = 3;
const GROUP_GAP = 12;
const TOP = 8;
const AXIS_HEIGHT = 22;

/**
 * A horizontal bar chart of shares (0–1) as inline SVG: no script, no external font or style, so
 * the report still renders from disk, offline. Every value is printed beside its bar, so the chart
 * does not depend on colour alone.
 *
 * @example renderBarChart({ title: 'Accuracy per language', series: ['full'], groups: [{ label: 'yue', values: [0.93] }] })
 */
export function renderBarChart(chart: BarChart): string {
  const plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const bars = Math.max(1, chart.series.length);
  const groupHeight = bars * BAR_HEIGHT + (bars - 1) * BAR_GAP;
  const legendHeight = chart.series.length > 1 ? 22 : 0;
  const plotHeight = chart.groups.length * (groupHeight + GROUP_GAP);
  const height = TOP + legendHeight + plotHeight + AXIS_HEIGHT;
  const x = (share: number): number => LABEL_WIDTH + Math.max(0, Math.min(1, share)) * plot;
  const out: string[] = [];
  out.push(
    `<svg class="chart" role="img" aria-label="${escapeHtml(chart.title)}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}">`,
    `<title>${escapeHtml(chart.title)}</title>`,
  );
  if (legendHeight > 0) {
    let lx = LABEL_WIDTH;
    chart.series.forEach((name, s) => {
      out.push(`<rect x="${lx}" y="${TOP}" width="12" height="12" fill="${colour(s)}"/>`);
      out.push(`<text x="${lx + 16}" y="${TOP + 10}" class="legend">${escapeHtml(name)}</text>`);
      lx += 28 + name.length * 7;
    });
  }
  const plotTop = TOP + legendHeight;
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    out.push(`<line x1="${x(tick)}" x2="${x(tick)}" y1="${plotTop}" y2="${plotTop + plotHeight}" class="grid"/>`);
    out.push(`<text x="${x(tick)}" y="${plotTop + plotHeight + 15}" class="tick" text-anchor="middle">${tick * 100}%</text>`);
  }
  chart.groups.forEach((group, g) => {
    const gy = plotTop + g * (groupHeight + GROUP_GAP);
    out.push(`<text x="${LABEL_WIDTH - 8}" y="${gy + groupHeight / 2 + 4}" class="label" text-anchor="end">${escapeHtml(group.label)}</text>`);
    group.values.forEach((value, s) => {
      const y = gy + s * (BAR_HEIGHT + BAR_GAP);
      const name = chart.series[s] ?? '';
      const interval = group.intervals?.[s];
      const range = interval === undefined ? '' : ` (95% interval ${(interval.low * 100).toFixed(1)}–${(interval.high * 100).toFixed(1)}%)`;
      out.push(
        `<rect x="${LABEL_WIDTH}" y="${y}" width="${(x(value) - LABEL_WIDTH).toFixed(1)}" height="${BAR_HEIGHT}" fill="${colour(s)}"><title>${escapeHtml(`${group.label} · ${name}: ${(value * 100).toFixed(1)}%${range}`)}</title></rect>`,
      );
      if (interval !== undefined) {
        const [lo, hi, mid] = [x(interval.low).toFixed(1), x(interval.high).toFixed(1), y + BAR_HEIGHT / 2];
        out.push(
          `<path d="M${lo} ${mid}H${hi}M${lo} ${mid - 4}V${mid + 4}M${hi} ${mid - 4}V${mid + 4}" class="ci"/>`,
        );
      }
      // The number goes past the whisker, so neither hides the other.
      const textX = Math.max(x(value), interval === undefined ? 0 : x(interval.high)) + 4;
      out.push(`<text x="${textX.toFixed(1)}" y="${y + BAR_HEIGHT - 4}" class="value">${(value * 100).toFixed(1)}</text>`);
    });
  });
  if (chart.target !== undefined) {
    out.push(`<line x1="${x(chart.target)}" x2="${x(chart.target)}" y1="${plotTop}" y2="${plotTop + plotHeight}" class="target"/>`);
  }
  out.push('</svg>');
  return out.join('\n');
}

function colour(series: number): string {
  return PALETTE[series % PALETTE.length]!;
}
