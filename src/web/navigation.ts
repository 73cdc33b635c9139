import type { StaffUser } from '../auth/staff-user.js';

/** The service navigation of the staff pages: the audit page only for those who may open it. */
export function navigation(staff: StaffUser, current?: string) {
  return [
    { href: '/cases', text: 'Cases', active: current === '/cases' },
    ...(staff.role === 'auditor' || staff.role === 'admin' ? [{ href: '/audit', text: 'Audit', active: current === '/audit' }] : []),
  ];
}
