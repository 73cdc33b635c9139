import { scaleBand, scaleLinear } from 'd3-scale';
import type { SeriesStyle } from './chart-styles.js';

export interface Series {
  key: string;
  label: string;
  style: SeriesStyle;
}

export interface StackedBarInput {
  /** Unique on the page: the patterns' ids start with it. */
  id: string;
  title: string;
  /** Vertical columns (one per month) or horizontal bars (one per row, long labels). */
  orientation: 'vertical' | 'horizontal';
  bars: Array<{ key: string; label: string; values: Record<string, number> }>;
  series: Series[];
}

export interface Segment {
  series: Series;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Bar {
  label: string;
  total: number;
  /** Where the bar's label and total go. */
  labelX: number;
  labelY: number;
  totalX: number;
  totalY: number;
  segments: Segment[];
}

export interface ChartModel {
  id: string;
  title: string;
  orientation: 'vertical' | 'horizontal';
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  ticks: Array<{ value: number; at: number }>;
  bars: Bar[];
  series: Series[];
  /** Show every nth bar label, so month names never overlap. */
  labelEvery: number;
  legend: Array<{ series: Series; x: number; y: number }>;
}

const WIDTH = 640;
const LEGEND_ROW = 22;

/**
 * Lays out a stacked bar chart with d3-scale (band and linear scales, "nice" ticks): pure geometry, no DOM, drawn
 * the same way as SVG on the page and with pdfkit in the annual report.
 */
export function stackedBarChart(input: StackedBarInput): ChartModel {
  const legendRows = Math.ceil(input.series.length / 3);
  const legendHeight = legendRows * LEGEND_ROW + 8;
  const horizontal = input.orientation === 'horizontal';
  const plot = horizontal
    ? { left: 150, top: legendHeight + 8, right: WIDTH - 48, bottom: legendHeight + 8 + input.bars.length * 44 }
    : { left: 48, top: legendHeight + 16, right: WIDTH - 12, bottom: legendHeight + 16 + 220 };
  const height = plot.bottom + 36;
  const max = Math.max(1, ...input.bars.map((b) => input.series.reduce((sum, s) => sum + (b.values[s.key] ?? 0), 0)));
  const band = scaleBand<string>().domain(input.bars.map((b) => b.key)).padding(horizontal ? 0.3 : 0.2);
  const value = scaleLinear().domain([0, max]).nice();
  // Bars run along the band scale; their lengths grow along the value scale (upwards for columns).
  band.range(horizontal ? [plot.top, plot.bottom] : [plot.left, plot.right]);
  value.range(horizontal ? [plot.left, plot.right] : [plot.bottom, plot.top]);
  const ticks = value.ticks(5).filter(Number.isInteger).map((v) => ({ value: v, at: value(v) }));

  const bars = input.bars.map((b): Bar => {
    const start = band(b.key)!;
    const thickness = band.bandwidth();
    let running = 0;
    const segments = input.series
      .filter((s) => (b.values[s.key] ?? 0) > 0)
      .map((s): Segment => {
        const n = b.values[s.key];
        const from = value(running);
        const to = value((running += n));
        return horizontal
          ? { series: s, value: n, x: from, y: start, width: to - from, height: thickness }
          : { series: s, value: n, x: start, y: to, width: thickness, height: from - to };
      });
    const end = value(running);
    return horizontal
      ? { label: b.label, total: running, labelX: plot.left - 8, labelY: start + thickness / 2, totalX: end + 6, totalY: start + thickness / 2, segments }
      : { label: b.label, total: running, labelX: start + thickness / 2, labelY: plot.bottom + 16, totalX: start + thickness / 2, totalY: end - 5, segments };
  });
  const legend = input.series.map((series, i) => ({ series, x: 12 + (i % 3) * 205, y: 8 + Math.floor(i / 3) * LEGEND_ROW }));
  const labelEvery = horizontal ? 1 : Math.max(1, Math.ceil(input.bars.length / 12));
  return { id: input.id, title: input.title, orientation: input.orientation, width: WIDTH, height, plot, ticks, bars, series: input.series, labelEvery, legend };
}
