import type PDFDocument from 'pdfkit';
import { INK, type Pattern, type SeriesStyle } from './chart-styles.js';
import type { ChartModel } from './stacked-bar-chart.js';

type Doc = InstanceType<typeof PDFDocument>;

/** The white marks of a pattern, drawn over a filled area clipped to it (pdfkit's tiling patterns need raw streams). */
function marks(doc: Doc, pattern: Pattern, x: number, y: number, width: number, height: number, step: number): void {
  if (pattern === 'solid') return;
  doc.save().rect(x, y, width, height).clip().lineWidth(step / 5).strokeColor('#ffffff').fillColor('#ffffff');
  const span = width + height;
  for (let d = -height; d <= span; d += step) {
    if (pattern === 'diagonal' || pattern === 'crosshatch') doc.moveTo(x + d, y + height).lineTo(x + d + height, y).stroke();
    if (pattern === 'crosshatch') doc.moveTo(x + d, y).lineTo(x + d + height, y + height).stroke();
  }
  for (let i = y + step / 2; pattern === 'horizontal' && i < y + height; i += step) doc.moveTo(x, i).lineTo(x + width, i).stroke();
  for (let i = x + step / 2; pattern === 'vertical' && i < x + width; i += step) doc.moveTo(i, y).lineTo(i, y + height).stroke();
  for (let i = x + step / 2; pattern === 'dots' && i < x + width; i += step) for (let j = y + step / 2; j < y + height; j += step) doc.circle(i, j, step / 5).fill();
  doc.restore();
}

function area(doc: Doc, style: SeriesStyle, x: number, y: number, width: number, height: number, step: number): void {
  doc.save().rect(x, y, width, height).fillColor(style.colour).fill().restore();
  marks(doc, style.pattern, x, y, width, height, step);
  doc.save().rect(x, y, width, height).lineWidth(0.75).strokeColor('#ffffff').stroke().restore();
}

/** Draws the chart the page shows as SVG, from the same layout, at (left, top) scaled to `width` points. Returns its height. */
export function drawChart(doc: Doc, chart: ChartModel, left: number, top: number, width: number): number {
  const k = width / chart.width;
  const X = (x: number) => left + x * k;
  const Y = (y: number) => top + y * k;
  const horizontal = chart.orientation === 'horizontal';
  const { plot } = chart;
  const step = 6 * k;
  doc.save().font('Helvetica').fontSize(13 * k * 0.95).fillColor(INK);
  for (const t of chart.ticks) {
    if (horizontal) {
      doc.save().moveTo(X(t.at), Y(plot.top)).lineTo(X(t.at), Y(plot.bottom)).lineWidth(0.5).strokeColor('#b1b4b6').stroke().restore();
      doc.text(String(t.value), X(t.at) - 20, Y(plot.bottom + 8), { width: 40, align: 'center', lineBreak: false });
    } else {
      doc.save().moveTo(X(plot.left), Y(t.at)).lineTo(X(plot.right), Y(t.at)).lineWidth(0.5).strokeColor('#b1b4b6').stroke().restore();
      doc.text(String(t.value), X(plot.left - 46), Y(t.at - 6), { width: 40 * k, align: 'right', lineBreak: false });
    }
  }
  chart.bars.forEach((b, i) => {
    for (const s of b.segments) area(doc, s.series.style, X(s.x), Y(s.y), s.width * k, s.height * k, step);
    if (i % chart.labelEvery === 0) {
      if (horizontal) doc.text(b.label, X(0), Y(b.labelY - 6), { width: (b.labelX - 4) * k, align: 'right', lineBreak: false });
      else doc.text(b.label, X(b.labelX - 30), Y(b.labelY - 8), { width: 60 * k, align: 'center', lineBreak: false });
    }
    doc.font('Helvetica-Bold');
    if (horizontal) doc.text(String(b.total), X(b.totalX), Y(b.totalY - 6), { lineBreak: false });
    else doc.text(String(b.total), X(b.totalX - 30), Y(b.totalY - 10), { width: 60 * k, align: 'center', lineBreak: false });
    doc.font('Helvetica');
  });
  const axis = horizontal ? [X(plot.left), Y(plot.top), X(plot.left), Y(plot.bottom)] : [X(plot.left), Y(plot.bottom), X(plot.right), Y(plot.bottom)];
  doc.save().moveTo(axis[0], axis[1]).lineTo(axis[2], axis[3]).lineWidth(0.75).strokeColor(INK).stroke().restore();
  for (const l of chart.legend) {
    area(doc, l.series.style, X(l.x), Y(l.y), 16 * k, 16 * k, step);
    doc.save().rect(X(l.x), Y(l.y), 16 * k, 16 * k).lineWidth(0.4).strokeColor(INK).stroke().restore();
    doc.text(l.series.label, X(l.x + 22), Y(l.y + 3), { lineBreak: false });
  }
  doc.restore();
  return chart.height * k;
}
