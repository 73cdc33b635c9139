import { DateTime } from 'luxon';
import PDFDocument from 'pdfkit';
import type { LetterView } from './letters.service.js';

const MARGIN = 64;
const INK = '#0b0c0c';
// The PDF's standard fonts speak WinAnsi: typographic quotes and dashes print; anything beyond is replaced, not garbled.
const printable = (text: string) => text.replace(/[^\x20-\x7e\n\u00a0-\u00ff‘’“”–—…•€]/g, '?');

/**
 * A letter for the post, with pdfkit (pure JavaScript, no browser at run time): the panel's name, the date, the
 * complainant's name and address placed for a window envelope, the subject, then the letter as approved.
 */
export function letterPdf(letter: LetterView): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN }, info: { Title: printable(letter.subject), Author: 'Police and Crime Panel' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  doc.font('Helvetica-Bold').fontSize(12).fillColor(INK).text('Police and Crime Panel', MARGIN, MARGIN, { width, align: 'right' });
  doc.font('Helvetica').fontSize(10).text('Complaints', { width, align: 'right' });
  const dated = DateTime.fromISO(letter.sentAt ?? letter.approvedAt ?? letter.createdAt, { zone: 'Europe/London' }).toFormat('d LLLL yyyy');
  doc.moveDown(0.5).text(dated, { width, align: 'right' });
  // the address block sits where a DL window envelope shows it
  doc.font('Helvetica').fontSize(11).text(printable([letter.recipientName, letter.postalAddress ?? ''].filter(Boolean).join('\n')), MARGIN, 150, { width: width / 2 });
  doc.moveDown(3).font('Helvetica-Bold').fontSize(12).text(printable(letter.subject), MARGIN, Math.max(doc.y, 260), { width });
  doc.moveDown(1).font('Helvetica').fontSize(11).text(printable(letter.body), { width, lineGap: 3, paragraphGap: 2 });
  doc.end();
  return done;
}
