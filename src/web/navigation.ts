import type { StaffUser } from '../auth/staff-user.js';

/** The service navigation for a signed-in member of staff. */
export function navigation(staff: StaffUser, current: string) {
  const items = [
    { href: '/cases', text: 'Cases' },
    { href: '/stats', text: 'Statistics' },
    ...(staff.role === 'auditor' || staff.role === 'admin' ? [{ href: '/audit', text: 'Audit' }] : []),
  ];
  return items.map((item) => ({ ...item, active: current.startsWith(item.href) }));
}
