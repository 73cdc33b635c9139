import { strToU8, zipSync, type Zippable } from 'fflate';
import type { EvidenceFileOut, SubjectAccessDocument } from './subject-access.service.js';

/** A name that is safe inside a zip on any system: no folders, no control or reserved characters. */
const safeName = (name: string) => name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '_').slice(0, 150) || 'file';

/**
 * The bundle given to the person: the readable document (HTML, opens in any browser, prints), the same as JSON, and
 * their evidence files, one folder per complaint. Built in memory: a complaint holds at most five files of 10 MB.
 */
export function subjectAccessZip(document: SubjectAccessDocument, html: string, files: EvidenceFileOut[]): Buffer {
  const entries: Zippable = {
    'subject-access.html': strToU8(html),
    'subject-access.json': strToU8(JSON.stringify(document, null, 2)),
  };
  files.forEach((file, i) => {
    // stored, not deflated: pictures and PDFs are compressed already
    entries[`evidence/${file.reference}/${String(i + 1).padStart(2, '0')}-${safeName(file.filename)}`] = [new Uint8Array(file.content), { level: 0 }];
  });
  return Buffer.from(zipSync(entries, { level: 6, mtime: new Date(document.generatedAt) }));
}

export const bundleFileName = (document: SubjectAccessDocument) => `subject-access-${document.reference}-${document.generatedAt.slice(0, 10)}.zip`;
