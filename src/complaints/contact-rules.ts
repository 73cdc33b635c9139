import type { CreateComplaintDto } from './dto/create-complaint.dto.js';

/** Where a contact rule found a gap, by the API's field path, and why (English, for the API's 400). */
export type ContactProblem = { path: 'complainant.email' | 'complainant.postalAddress' | 'complainant.phone'; message: string };

const given = (value: string | undefined) => !!value && value.trim() !== '';

/**
 * The panel must be able to reach the complainant the way they asked: an email address unless they chose post and gave
 * an address; an address for post; a phone number for phone (and, since letters still go out, an email or an address).
 */
export function contactProblems(complaint: Pick<CreateComplaintDto, 'complainant' | 'contactPreference'>): ContactProblem[] {
  const person = complaint.complainant ?? {};
  const preference = complaint.contactPreference ?? 'email';
  const problems: ContactProblem[] = [];
  if (preference === 'post' && !given(person.postalAddress)) {
    problems.push({ path: 'complainant.postalAddress', message: 'complainant.postalAddress is required when contactPreference is post' });
  }
  if (preference === 'phone' && !given(person.phone)) {
    problems.push({ path: 'complainant.phone', message: 'complainant.phone is required when contactPreference is phone' });
  }
  const emailNeeded = preference === 'email' || (preference === 'phone' && !given(person.postalAddress));
  if (emailNeeded && !given(person.email)) {
    problems.push({ path: 'complainant.email', message: 'complainant.email is required unless contactPreference is post and complainant.postalAddress is given' });
  }
  return problems;
}
