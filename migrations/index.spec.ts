import { readdirSync } from 'node:fs';
import { MIGRATIONS } from './index.js';

describe('migrations/index.ts', () => {
  it('lists every migration file, in timestamp order', () => {
    const files = readdirSync(new URL('.', import.meta.url)).filter((f) => /^\d+-\w+\.ts$/.test(f)).sort();
    const classes = files.map((f) => { const [stamp, name] = f.replace(/\.ts$/, '').split('-'); return `${name}${stamp}`; });
    expect(MIGRATIONS.map((m) => m.name)).toEqual(classes);
  });
});
