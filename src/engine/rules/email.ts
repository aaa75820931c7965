import { memo } from './memo';
import { isMailAddress } from '../email-address';
import { editDistance } from '../similarity';

/** The problems Check reports from here, each with the heading the sidebar groups it under. */
export const EMAIL_PROBLEMS = {
  EMAIL_INVALID: 'Invalid emails',
  EMAIL_TYPO: 'Emails that look mistyped',
} as const;

/** The catalog's contactEmail schema uses the same test: accepting exactly what it accepts keeps records valid for the payloads. */
const EMAIL = { test: isMailAddress };

export interface EmailIssue {
  /** Completes "Contact email "x" …". */
  reason: string;
  fix: string;
  suggestion?: string;
  /** A likely typo in a well-formed address: worth a look, not a reason to block the line. */
  warning: boolean;
}

const FIX = 'Correct the email address: it should look like name@company.com.';

/** Free mail providers people mistype; company domains are too varied to guess. */
const COMMON_DOMAINS = [
  'gmail.com',
  'googlemail.com',
  'hotmail.com',
  'hotmail.fr',
  'outlook.com',
  'outlook.fr',
  'live.com',
  'live.fr',
  'yahoo.com',
  'yahoo.fr',
  'icloud.com',
  'me.com',
  'msn.com',
  'aol.com',
  'orange.fr',
  'wanadoo.fr',
  'free.fr',
  'sfr.fr',
  'laposte.net',
  'gmx.fr',
  'gmx.com',
  'gmx.de',
  'protonmail.com',
  'proton.me',
  'bbox.fr',
  'neuf.fr',
  'club-internet.fr',
];
const COMMON_DOMAIN_SET: ReadonlySet<string> = new Set(COMMON_DOMAINS);
const TLD_TYPOS: Readonly<Record<string, string>> = {
  con: 'com',
  cmo: 'com',
  ocm: 'com',
  comm: 'com',
  vom: 'com',
  xom: 'com',
  cpm: 'com',
  ftr: 'fr',
  rf: 'fr',
  frr: 'fr',
  nte: 'net',
  ent: 'net',
};

const domainCache = memo<string, string | null>();

/** The domain the user most likely meant ("gmial.com" -> "gmail.com"), or null. */
function likelyDomain(domain: string): string | null {
  let guess = domainCache.get(domain);
  if (guess !== undefined) return guess;
  guess = null;
  const dot = domain.lastIndexOf('.');
  const tld = domain.slice(dot + 1);
  const fixedTld = TLD_TYPOS[tld];
  if (fixedTld) guess = `${domain.slice(0, dot)}.${fixedTld}`;
  else if (!COMMON_DOMAIN_SET.has(domain)) {
    for (const common of COMMON_DOMAINS) {
      // Typos keep the ending and nearly always the first or second letter: a cheap filter
      // before the edit distance, which every new company domain would otherwise pay.
      if (Math.abs(common.length - domain.length) > 2 || (common[0] !== domain[0] && common[1] !== domain[1]) || !common.endsWith(`.${tld}`)) continue;
      const distance = editDistance(domain, common);
      if (distance === 1 || (distance === 2 && domain.length >= 10)) {
        guess = common;
        break;
      }
    }
  }
  domainCache.set(domain, guess);
  return guess;
}

function validOrUndefined(candidate: string): string | undefined {
  return EMAIL.test(candidate) ? candidate : undefined;
}

function countAt(email: string): number {
  let n = 0;
  for (let i = email.indexOf('@'); i !== -1; i = email.indexOf('@', i + 1)) n++;
  return n;
}

/** What is wrong with a lower-cased, space-cleaned email address, or null when it is fine. */
export function emailIssue(email: string): EmailIssue | null {
  if (EMAIL.test(email)) {
    const at = email.lastIndexOf('@');
    const meant = likelyDomain(email.slice(at + 1));
    if (!meant) return null;
    return {
      reason: `looks like a typo for ${email.slice(0, at + 1)}${meant}`,
      fix: 'Apply the suggested address if it is the right one; otherwise leave it as it is.',
      suggestion: `${email.slice(0, at + 1)}${meant}`,
      warning: true,
    };
  }
  if (/[,;]/.test(email)) return { reason: 'holds several addresses', fix: 'Keep one email address per line: duplicate the line for each contact.', warning: false };
  if (email.includes(' ')) return { reason: 'contains a space', fix: FIX, suggestion: validOrUndefined(email.replace(/ /g, '')), warning: false };
  const ats = countAt(email);
  if (ats === 0) return { reason: 'is missing the @', fix: FIX, warning: false };
  if (ats > 1) return { reason: 'has more than one @', fix: FIX, suggestion: validOrUndefined(email.replace(/@+/g, '@')), warning: false };
  if (email.endsWith('.')) return { reason: 'ends with a dot', fix: FIX, suggestion: validOrUndefined(email.replace(/\.+$/, '')), warning: false };
  const [local = '', domain = ''] = email.split('@');
  if (!local) return { reason: 'has nothing before the @', fix: FIX, warning: false };
  if (!domain) return { reason: 'has nothing after the @', fix: FIX, warning: false };
  if (email.includes('..')) return { reason: 'has two dots in a row', fix: FIX, suggestion: validOrUndefined(email.replace(/\.{2,}/g, '.')), warning: false };
  if (!domain.includes('.')) return { reason: 'is missing the end of its domain (like .com or .fr)', fix: FIX, warning: false };
  if (local.length > 64) return { reason: `has ${local.length} characters before the @, more than the 64 mail servers accept`, fix: FIX, warning: false };
  if (email.length > 254) return { reason: `has ${email.length} characters, more than the 254 mail servers accept`, fix: FIX, warning: false };
  const long = domain.split('.').find((label) => label.length > 63);
  if (long) return { reason: `has a part of its domain ("${long.slice(0, 20)}…") longer than the 63 characters mail servers accept`, fix: FIX, warning: false };
  if (/[^\x20-\x7e]/.test(local)) return { reason: 'has accented or special characters before the @, which most mail servers refuse', fix: FIX, warning: false };
  return { reason: "isn't a valid email address", fix: FIX, warning: false };
}
