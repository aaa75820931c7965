/**
 * An email address as a mail server takes it: an ASCII local part of at most 64 characters
 * (RFC 5321 4.5.3.1.1), a domain of labels of at most 63 characters each, letters of any
 * script allowed in the domain (internationalised domain names, RFC 5890), a top-level domain
 * of letters or an "xn--" one, and 254 characters in all.
 */
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;
const TOP_LEVEL = /^(?:\p{L}{2,}|xn--[a-z0-9-]+)$/iu;

export function isMailAddress(address: string): boolean {
  if (address.length > 254) return false;
  const at = address.lastIndexOf('@');
  if (at < 1) return false;
  const local = address.slice(0, at);
  const labels = address.slice(at + 1).split('.');
  if (local.length > 64 || !LOCAL.test(local) || labels.length < 2) return false;
  return labels.every((label) => label.length <= 63 && LABEL.test(label)) && TOP_LEVEL.test(labels[labels.length - 1]!);
}
