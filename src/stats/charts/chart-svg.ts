import { INK, type Pattern, type SeriesStyle } from './chart-styles.js';
import type { ChartModel } from './stacked-bar-chart.js';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const r = (n: number) => Math.round(n * 10) / 10;

const PATTERN_MARKS: Record<Pattern, string> = {
  solid: '',
  diagonal: '<path d="M-1,1 l2,-2 M0,8 l8,-8 M7,9 l2,-2" stroke="#fff" stroke-width="1.6"/>',
  dots: '<circle cx="4" cy="4" r="1.6" fill="#fff"/>',
  horizontal: '<path d="M0,4 h8" stroke="#fff" stroke-width="1.6"/>',
  crosshatch: '<path d="M0,0 l8,8 M8,0 l-8,8" stroke="#fff" stroke-width="1.3"/>',
  vertical: '<path d="M4,0 v8" stroke="#fff" stroke-width="1.6"/>',
};

function patternDefinition(id: string, style: SeriesStyle): string {
  return `<pattern id="${id}" patternUnits="userSpaceOnUse" width="8" height="8"><rect width="8" height="8" fill="${style.colour}"/>${PATTERN_MARKS[style.pattern]}</pattern>`;
}

/**
 * The chart as inline SVG: an image with a title, described by the summary beside it (`describedBy`). Each series
 * fills with its colour and pattern; segments are parted by white lines; totals are written at each bar's end.
 */
export function chartSvg(chart: ChartModel, describedBy: string): string {
  const fill = (key: string) => `url(#${chart.id}-${key})`;
  const defs = chart.series.map((s) => patternDefinition(`${chart.id}-${s.key}`, s.style)).join('');
  const horizontal = chart.orientation === 'horizontal';
  const { plot } = chart;
  const grid = chart.ticks
    .map((t) =>
      horizontal
        ? `<line x1="${r(t.at)}" x2="${r(t.at)}" y1="${plot.top}" y2="${plot.bottom}" stroke="#b1b4b6"/><text x="${r(t.at)}" y="${plot.bottom + 18}" text-anchor="middle">${t.value}</text>`
        : `<line x1="${plot.left}" x2="${plot.right}" y1="${r(t.at)}" y2="${r(t.at)}" stroke="#b1b4b6"/><text x="${plot.left - 6}" y="${r(t.at) + 4}" text-anchor="end">${t.value}</text>`,
    )
    .join('');
  const bars = chart.bars
    .map((b, i) => {
      const segments = b.segments
        .map((s) => `<rect x="${r(s.x)}" y="${r(s.y)}" width="${r(s.width)}" height="${r(s.height)}" fill="${fill(s.series.key)}" stroke="#fff" stroke-width="1"><title>${escape(`${b.label}, ${s.series.label}: ${s.value}`)}</title></rect>`)
        .join('');
      const label =
        i % chart.labelEvery
          ? ''
          : `<text x="${r(b.labelX)}" y="${r(b.labelY + (horizontal ? 4 : 0))}" text-anchor="${horizontal ? 'end' : 'middle'}">${escape(b.label)}</text>`;
      const total = `<text x="${r(b.totalX)}" y="${r(b.totalY + (horizontal ? 4 : 0))}" text-anchor="${horizontal ? 'start' : 'middle'}" font-weight="700">${b.total}</text>`;
      return `<g>${segments}${label}${total}</g>`;
    })
    .join('');
  const legend = chart.legend
    .map((l) => `<rect x="${l.x}" y="${l.y}" width="16" height="16" fill="${fill(l.series.key)}" stroke="${INK}" stroke-width="0.5"/><text x="${l.x + 22}" y="${l.y + 13}">${escape(l.series.label)}</text>`)
    .join('');
  const axis = horizontal
    ? `<line x1="${plot.left}" x2="${plot.left}" y1="${plot.top}" y2="${plot.bottom}" stroke="${INK}"/>`
    : `<line x1="${plot.left}" x2="${plot.right}" y1="${plot.bottom}" y2="${plot.bottom}" stroke="${INK}"/>`;
  return (
    `<svg class="app-chart" viewBox="0 0 ${chart.width} ${chart.height}" role="img" aria-labelledby="${chart.id}-title" aria-describedby="${describedBy}" xmlns="http://www.w3.org/2000/svg" font-family="GDS Transport, arial, sans-serif" font-size="13" fill="${INK}">` +
    `<title id="${chart.id}-title">${escape(chart.title)}</title><defs>${defs}</defs>${grid}${bars}${axis}${legend}</svg>`
  );
}
