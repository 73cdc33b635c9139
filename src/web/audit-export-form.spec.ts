import { readExportForm } from './audit-export-form.js';

const form = (fields: Record<string, string>) => readExportForm({ format: 'csv', ...fields });

describe('the audit page’s export form', () => {
  it('reads whole days from GOV.UK date inputs, and the reference and type as people type them', () => {
    const read = form({ 'from-day': '1', 'from-month': '11', 'from-year': '2026', 'to-day': '30', 'to-month': '11', 'to-year': '2026', reference: ' pcc-7kq2-m9xd ', type: 'Complaint.Received' });
    expect(read.errors).toEqual({});
    expect(read.query).toMatchObject({ format: 'csv', from: '2026-11-01', to: '2026-11-30', reference: 'PCC-7KQ2-M9XD', type: 'complaint.received' });
  });

  it('takes every filter left empty as the whole log', () => {
    const read = form({ 'from-day': '', 'from-month': '', 'from-year': '', reference: '', type: '' });
    expect(read.errors).toEqual({});
    expect(read.query).toMatchObject({ format: 'csv', from: undefined, to: undefined, reference: undefined, type: undefined });
  });

  it.each([
    [{ format: '' }, 'format', 'Select a format for the file'],
    [{ format: 'xml' }, 'format', 'Select a format for the file'],
    [{ 'from-day': '31', 'from-month': '2', 'from-year': '2026' }, 'from-day', 'The start date must be a real date, like 1 11 2026'],
    [{ 'from-day': '1', 'from-month': '11' }, 'from-day', 'The start date must be a real date, like 1 11 2026'],
    [{ 'to-day': 'x', 'to-month': '11', 'to-year': '2026' }, 'to-day', 'The end date must be a real date, like 30 11 2026'],
    [{ 'from-day': '2', 'from-month': '11', 'from-year': '2026', 'to-day': '1', 'to-month': '11', 'to-year': '2026' }, 'to-day', 'The end date must be the same as or after the start date'],
    [{ reference: 'not a reference' }, 'reference', 'Enter a case reference like PCC-7KQ2-M9XD, or leave it empty'],
    [{ type: 'DROP TABLE' }, 'type', 'Enter an event type like complaint.received, or leave it empty'],
  ])('refuses %j in words, linked to the field (%s), and keeps what was typed', (fields, id, message) => {
    const read = form(fields);
    expect(read.query).toBeUndefined();
    expect(read.errors).toEqual({ [id]: message });
    for (const [name, value] of Object.entries(fields)) expect(read.values[name]).toBe(value);
  });

  it('ignores fields that are not the form’s, and values that are not text', () => {
    const read = readExportForm({ format: ['csv', 'jsonl'], sequence: '1' });
    expect(read.errors).toEqual({ format: 'Select a format for the file' });
    expect(read.values).toEqual({});
  });
});
