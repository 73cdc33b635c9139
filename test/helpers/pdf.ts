import PDFDocument from 'pdfkit';

/** A small, real PDF made with pdfkit: what a complainant might attach. */
export function samplePdf(text = 'Minutes of the meeting of 3 November'): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ info: { CreationDate: new Date('2026-11-03T10:00:00Z') } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text(text);
    doc.end();
  });
}
