import type { StaffUser } from '../auth/staff-user.js';

/** The service navigation for a signed-in member of staff: what their role may use, nothing else. */
export function navigation(staff: StaffUser, current: string) {
  const officer = staff.role === 'officer' || staff.role === 'admin';
  const items = [
    { href: '/cases', text: 'Cases', show: true },
    { href: '/my-work', text: 'My work', show: officer },
    { href: '/cases/new', text: 'Add a complaint', show: officer },
    { href: '/stats', text: 'Statistics', show: true },
    { href: '/audit', text: 'Audit', show: staff.role === 'auditor' || staff.role === 'admin' },
    { href: '/admin', text: 'Admin', show: staff.role === 'admin' },
  ];
  // The longest matching address is the current page: /cases/new is "Add a complaint", not "Cases".
  const active = items.filter((i) => i.show && (current === i.href || current.startsWith(`${i.href}/`))).sort((a, b) => b.href.length - a.href.length)[0];
  return items.filter((i) => i.show).map(({ href, text }) => ({ href, text, active: href === active?.href }));
}
