export const CATEGORIES = ['criminal', 'conduct', 'vexatious', 'political', 'non_policing'] as const;
export type Category = (typeof CATEGORIES)[number];

export const SUBJECT_ROLES = ['pcc', 'deputy_pcc', 'mayor'] as const;
export type SubjectRole = (typeof SUBJECT_ROLES)[number];

export const CHANNELS = ['web', 'api', 'letter', 'email', 'phone', 'in_person'] as const;
export type Channel = (typeof CHANNELS)[number];

export const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** How the complainant wants to hear from the panel: post means letters are printed and posted. */
export const CONTACT_PREFERENCES = ['email', 'post', 'phone'] as const;
export type ContactPreference = (typeof CONTACT_PREFERENCES)[number];
