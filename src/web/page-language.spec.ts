import { isStaffPath } from './page-language.js';

describe('which pages are staff pages (English only)', () => {
  it.each(['/login', '/cases', '/cases/PCC-1234-5678', '/my-work', '/admin/users', '/audit', '/stats', '/reports/annual', '/api/cases', '/login?next=/cases'])('%s is a staff page', (path) => {
    expect(isStaffPath(path)).toBe(true);
  });

  it.each(['/complaints/new', '/complaints/status', '/privacy', '/accessibility', '/contact', '/feedback', '/casework-nothing', '/'])('%s is public', (path) => {
    expect(isStaffPath(path)).toBe(false);
  });
});
