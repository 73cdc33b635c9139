/** How the repetition rule recognises the same person across complaints. */
export function emailKey(email: string): string {
  const [local, domain = ''] = email.trim().toLowerCase().split('@');
  const bare = local.split('+')[0];
  const gmail = domain === 'gmail.com' || domain === 'googlemail.com';
  return `${gmail ? bare.replace(/\./g, '') : bare}@${gmail ? 'gmail.com' : domain}`;
}

const TITLES = /\b(mr|mrs|ms|miss|mx|dr|prof|sir|dame|rev|cllr)\b\.?/g;

export function nameKey(name: string): string {
  return name.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(TITLES, ' ').replace(/[^a-z]+/g, ' ').trim();
}

const POSTCODE = /\b([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})\b/;

/** The UK postcode in an address (or typed alone), without spaces: SM12AB; null when there is none. */
export function postcodeOf(text: string | null | undefined): string | null {
  const found = text?.toUpperCase().match(POSTCODE);
  return found ? `${found[1]}${found[2]}` : null;
}

/** House number and postcode carry the identity of an address; the rest is spelt many ways. */
export function addressKey(address: string | null | undefined): string | null {
  if (!address) return null;
  const upper = address.toUpperCase();
  const postcode = upper.match(/\b([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})\b/);
  const number = upper.match(/\b\d+[A-Z]?\b/);
  if (!postcode) return upper.replace(/[^A-Z0-9]+/g, ' ').trim() || null;
  return `${number?.[0] ?? ''} ${postcode[1]}${postcode[2]}`.trim();
}

const ANONYMOUS = /^(anon(ymous)?|n\/?a|none|unknown|not given|withheld|x+|-+)$/i;

export const isRealName = (name: string | null | undefined) => !!name && !ANONYMOUS.test(name.trim());
