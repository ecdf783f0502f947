import type { ContactField } from '../../../contracts/people';

/** Keeps the first `head` and last `tail` characters (code points, so Chinese text masks cleanly). */
function keepEnds(value: string, head: number, tail: number, minHidden = 2): string {
  const chars = [...value];
  if (chars.length <= head + tail + minHidden - 1) return '*'.repeat(Math.max(chars.length, 3));
  return chars.slice(0, head).join('') + '*'.repeat(chars.length - head - tail) + chars.slice(chars.length - tail).join('');
}

/**
 * How each personal field looks when not revealed: 138****5678, wx_******88, 110105**********1234, 上海市徐汇****.
 * Enough to tell records apart, not enough to contact or identify anyone.
 */
export function maskContact(field: ContactField, value: string | null): string | null {
  if (value === null || value === '') return null;
  switch (field) {
    case 'phone': {
      const digits = value.replace(/[^0-9+]/g, '');
      return digits.length >= 7 ? keepEnds(digits, 3, 4) : '*'.repeat(digits.length || 3);
    }
    case 'wechat':
      return keepEnds(value, 2, 2);
    case 'idCard':
      return keepEnds(value, 6, 4);
    case 'address': {
      const chars = [...value];
      return chars.slice(0, Math.min(6, Math.floor(chars.length / 2))).join('') + '****';
    }
  }
}

export const contactColumn = {
  phone: 'phone_enc',
  wechat: 'wechat_enc',
  idCard: 'id_card_enc',
  address: 'address_enc',
} as const satisfies Record<ContactField, string>;
