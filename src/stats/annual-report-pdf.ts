import PDFDocument from 'pdfkit';
import { drawChart } from './charts/chart-pdf.js';
import type { AnnualReport } from './annual-report.js';
import type { Table } from './stats-view.js';

type Doc = InstanceType<typeof PDFDocument>;

const MARGIN = 56;
const INK = '#0b0c0c';
const RULE = '#b1b4b6';
// The PDF's standard fonts speak WinAnsi only: keep the odd character out rather than print nonsense.
const plain = (text: string) => text.replace(/→/g, 'to').replace(/[–—]/g, '-').replace(/[‘’]/g, "'").replace(/[^\x20-\x7e£]/g, '');

/**
 * The annual report as a panel paper, with pdfkit (pure JavaScript: no browser at run time): a title page with the
 * summary, then each figure as a chart with its table, the other tables, and the notes on method.
 */
export function annualReportPdf(report: AnnualReport): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN }, bufferPages: true, info: { Title: plain(report.title), Author: 'Police and Crime Panel', Subject: plain(report.periodLabel) } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN - 20;
  const room = (height: number) => doc.y + height > bottom() && doc.addPage();
  const heading = (text: string) => (room(60), doc.moveDown(0.8).font('Helvetica-Bold').fontSize(15).fillColor(INK).text(plain(text), MARGIN, doc.y, { width }).moveDown(0.3));
  const paragraph = (text: string) => (room(30), doc.font('Helvetica').fontSize(10.5).fillColor(INK).text(plain(text), MARGIN, doc.y, { width, lineGap: 2 }).moveDown(0.5));

  doc.font('Helvetica').fontSize(12).fillColor('#505a5f').text('Police and Crime Panel');
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(22).fillColor(INK).text(plain(report.title), { width });
  doc.moveDown(0.3).font('Helvetica').fontSize(13).text(plain(report.periodLabel));
  doc.moveDown(0.3).fontSize(10).fillColor('#505a5f').text(plain(`Figures as at ${report.generatedAt}. Complaints are counted by the day they were received.`));
  heading('1. Summary');
  for (const line of report.summary) paragraph(line);
  drawTable(doc, report.keyFigures, width, room);

  report.figures.forEach((figure, i) => {
    doc.addPage();
    heading(`${i + 2}. ${figure.heading}`);
    paragraph(figure.summary);
    room(figure.chart.height * (width / figure.chart.width) + 10);
    doc.y += drawChart(doc, figure.chart, MARGIN, doc.y, width) + 10;
    drawTable(doc, figure.table, width, room);
    if (figure.id === 'agreement') for (const table of report.confusion) drawTable(doc, table, width, room);
  });

  doc.addPage();
  heading(`${report.figures.length + 2}. Other figures`);
  for (const table of report.counts) drawTable(doc, table, width, room);

  heading(`${report.figures.length + 3}. Notes on method`);
  for (const note of report.method) paragraph(`- ${note}`);
  paragraph(`Bank holidays in the period, passed over as non-working days: ${report.bankHolidays.join('; ') || 'none'}.`);

  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(pages.start + i);
    doc.page.margins.bottom = 0; // writing below the bottom margin would otherwise start a new page
    doc.font('Helvetica').fontSize(8.5).fillColor('#505a5f').text(plain(`${report.title} - page ${i + 1} of ${pages.count}`), MARGIN, doc.page.height - MARGIN + 10, { width, align: 'center', lineBreak: false });
  }
  doc.end();
  return done;
}

/** A table with a caption and a header row, repeated on a new page when it breaks. */
function drawTable(doc: Doc, table: Table, width: number, room: (height: number) => unknown): void {
  const rowHeight = 15;
  const first = Math.min(170, width * 0.34);
  const rest = (width - first) / Math.max(1, table.head.length - 1);
  const columns = table.head.map((_, i) => (i === 0 ? { x: MARGIN, w: first } : { x: MARGIN + first + (i - 1) * rest, w: rest }));
  const size = table.head.length > 7 ? 7.5 : 8.5;
  const row = (cells: Array<string | number>, bold: boolean) => {
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(size).fillColor(INK);
    // A header may wrap onto two lines; a body cell is one line, cut short with an ellipsis if it must be.
    const height = bold ? Math.max(rowHeight, ...cells.map((cell, i) => doc.heightOfString(plain(String(cell)), { width: columns[i].w - 4 }) + 7)) : rowHeight;
    cells.forEach((cell, i) => doc.text(plain(String(cell)), columns[i].x + 2, y + 4, { width: columns[i].w - 4, align: i === 0 ? 'left' : 'right', ...(bold ? {} : { lineBreak: false, ellipsis: true }) }));
    doc.save().moveTo(MARGIN, y + height).lineTo(MARGIN + width, y + height).lineWidth(0.5).strokeColor(RULE).stroke().restore();
    doc.y = y + height;
  };
  room(rowHeight * Math.min(4, table.rows.length + 2) + 20);
  doc.moveDown(0.4).font('Helvetica-Bold').fontSize(10).fillColor(INK).text(plain(table.caption), MARGIN, doc.y, { width }).moveDown(0.2);
  row(table.head, true);
  for (const cells of table.rows.length ? table.rows : [['None in this period.']]) {
    if (doc.y + rowHeight > doc.page.height - MARGIN - 20) {
      doc.addPage();
      row(table.head, true);
    }
    row(cells, false);
  }
  doc.moveDown(0.8);
}
