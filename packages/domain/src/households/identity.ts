/**
 * Identity documents and phone numbers: validation and masking (docs/domain-rules.md §3, §13: store masked,
 * show the full number only where law and role allow).
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/**
 * Whether `id` is a well-formed 18-character Resident Identity Card number (GB 11643-1999):
 * 17 digits, a valid birth date, and the ISO 7064 MOD 11-2 check character.
 */
export function isValidResidentId(id: string): boolean {
  const v = id.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  const y = Number(v.slice(6, 10));
  const m = Number(v.slice(10, 12));
  const d = Number(v.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (
    y < 1900 ||
    birth.getUTCFullYear() !== y ||
    birth.getUTCMonth() !== m - 1 ||
    birth.getUTCDate() !== d
  )
    return false;
  return residentIdCheckChar(v.slice(0, 17)) === v[17];
}

/** The ISO 7064 MOD 11-2 check character of the first 17 digits of a Resident Identity Card number. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

/** Mainland mobile numbers: 11 digits starting 13–19. */
export function isValidMobile(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone.trim());
}

/** A landline with its area code (0755-86001234, 01088886666). */
export function isValidLandline(phone: string): boolean {
  return /^0\d{2,3}-?\d{7,8}$/.test(phone.trim());
}

/** A national service number (400-800-1234). */
export function isValidServiceNumber(phone: string): boolean {
  return /^400-?\d{3}-?\d{4}$/.test(phone.trim());
}

/** The kinds of number a form accepts: a resident's own mobile; a contact (mobile or landline); a company's service line (also 400). */
export type PhoneKind = 'mobile' | 'contact' | 'service';

/** Whether `phone` is a number of `kind` (the one phone rule every form and DTO uses). */
export function isValidPhone(phone: string, kind: PhoneKind): boolean {
  if (isValidMobile(phone)) return true;
  if (kind === 'mobile') return false;
  if (isValidLandline(phone)) return true;
  return kind === 'service' && isValidServiceNumber(phone);
}

/** 110105199001011234 → 110***********1234 (first 3 and last 4 kept). Other documents keep 2 + 2. */
export function maskIdNumber(id: string): string {
  const v = id.trim();
  if (v.length <= 4) return '*'.repeat(v.length);
  const keepHead = v.length >= 15 ? 3 : Math.min(2, v.length - 4);
  const keepTail = v.length >= 15 ? 4 : 2;
  return (
    v.slice(0, keepHead) + '*'.repeat(v.length - keepHead - keepTail) + v.slice(v.length - keepTail)
  );
}

/** 13812341234 → 138****1234. */
export function maskPhone(phone: string): string {
  const v = phone.trim();
  if (v.length < 7) return '*'.repeat(v.length);
  return v.slice(0, 3) + '*'.repeat(v.length - 7) + v.slice(v.length - 4);
}
