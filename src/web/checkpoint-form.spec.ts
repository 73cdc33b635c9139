import { readCheckpointForm } from './checkpoint-form.js';

const file = (content: string | Buffer, filename = 'case-log-checkpoint-12.txt', truncated = false) => ({ filename, mimetype: 'text/plain', content: Buffer.from(content), truncated });
const NOTE = 'panel.example/case-log\n12\nq6urq6urq6urq6urq6urq6urq6urq6urq6urq6urq6s=\nissued 2026-11-25T10:00:00.000Z\n\n\u2014 panel.example/case-log AAAA\n';

describe('the audit page\'s checkpoint form', () => {
  it('takes a pasted checkpoint or an uploaded one', () => {
    expect(readCheckpointForm({ checkpoint: NOTE, checkpointFile: file('', '') })).toEqual({ note: NOTE, pasted: NOTE, errors: {} });
    expect(readCheckpointForm({ checkpoint: '  ', checkpointFile: file(NOTE) })).toMatchObject({ note: NOTE, errors: {} });
  });

  it('asks for one of the two, not both, in words a person understands', () => {
    expect(readCheckpointForm({}).errors).toEqual({ checkpoint: 'Paste a checkpoint, or choose a checkpoint file' });
    expect(readCheckpointForm({ checkpoint: NOTE, checkpointFile: file(NOTE) }).errors).toEqual({ checkpoint: 'Paste a checkpoint or choose a file, not both' });
  });

  it('refuses files that cannot be a checkpoint', () => {
    expect(readCheckpointForm({ checkpointFile: file('x'.repeat(100), 'big.txt', true) }).errors).toEqual({ checkpointFile: 'The selected file must be smaller than 16 KB' });
    expect(readCheckpointForm({ checkpointFile: file('', 'empty.txt') }).errors).toEqual({ checkpointFile: 'The selected file is empty' });
    expect(readCheckpointForm({ checkpointFile: file(Buffer.from([0xff, 0xd8, 0xff, 0x00]), 'photo.jpg') }).errors).toEqual({ checkpointFile: 'The selected file must be a checkpoint text file' });
  });
});
