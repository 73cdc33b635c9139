import { DateTime } from 'luxon';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { LetterView } from './letters.service.js';

// DejaVu Sans (an npm package of the fonts' TTF files) holds every letter of Welsh (ŵ, ŷ) and of most people's names;
// the PDF's standard fonts speak only WinAnsi and would print "gŵyn" as "g?yn".
const fonts = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const REGULAR = join(fonts, 'DejaVuSans.ttf');
const BOLD = join(fonts, 'DejaVuSans-Bold.ttf');

/** The letterhead in the letter's language (the rest of the letter is its template's). */
const LETTERHEAD: Record<string, { panel: string; department: string; locale: string }> = {
  en: { panel: 'Police and Crime Panel', department: 'Complaints', locale: 'en-GB' },
  cy: { panel: 'Panel Heddlu a Throseddu', department: 'Cwynion', locale: 'cy' },
};

const MARGIN = 64;
const INK = '#0b0c0c';
// Control characters have no glyph in any font.
const printable = (text: string) => text.replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '');

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
  const head = LETTERHEAD[letter.language] ?? LETTERHEAD.en;
  doc.font(BOLD).fontSize(12).fillColor(INK).text(head.panel, MARGIN, MARGIN, { width, align: 'right' });
  doc.font(REGULAR).fontSize(10).text(head.department, { width, align: 'right' });
  const dated = DateTime.fromISO(letter.sentAt ?? letter.approvedAt ?? letter.createdAt, { zone: 'Europe/London' }).setLocale(head.locale).toFormat('d LLLL yyyy');
  doc.moveDown(0.5).text(dated, { width, align: 'right' });
  // the address block sits where a DL window envelope shows it
  doc.font(REGULAR).fontSize(11).text(printable([letter.recipientName, letter.postalAddress ?? ''].filter(Boolean).join('\n')), MARGIN, 150, { width: width / 2 });
  doc.moveDown(3).font(BOLD).fontSize(12).text(printable(letter.subject), MARGIN, Math.max(doc.y, 260), { width });
  doc.moveDown(1).font(REGULAR).fontSize(11).text(printable(letter.body), { width, lineGap: 3, paragraphGap: 2 });
  doc.end();
  return done;
}
