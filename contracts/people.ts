import { z } from 'zod';
import { CalendarDate, Id, Timestamp } from './common';

export const PersonStatus = z.enum(['active', 'on_leave', 'left']);
export type PersonStatus = z.infer<typeof PersonStatus>;

/** Personal contact fields: encrypted at rest, masked unless revealed (and every reveal is audited). */
export const ContactField = z.enum(['phone', 'wechat', 'idCard', 'address']);
export type ContactField = z.infer<typeof ContactField>;
export const CONTACT_FIELDS = ContactField.options;

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 -]{5,19}$/, { error: 'phone: digits, spaces, - and an optional leading + / 电话号码格式不正确' });
export const IdCard = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9]{17}[0-9X]$|^[0-9]{15}$/, { error: 'ID card number: 18 characters (or 15 digits) / 身份证号格式不正确' });

export const PersonInput = z.object({
  displayName: z.string().trim().min(1).max(60),
  positionId: Id.nullable().default(null),
  level: z.string().trim().min(1).max(40).nullable().default(null),
  teamIds: z.array(Id).max(20).default([]),
  hireDate: CalendarDate.nullable().default(null),
  weeklyCapacityHours: z.number().min(0).max(84).default(40),
  skills: z.array(z.string().trim().min(1).max(60)).max(50).default([]),
  status: PersonStatus.default('active'),
  userId: Id.nullable().default(null),
  phone: Phone.nullable().optional(),
  wechat: optionalText(60),
  idCard: IdCard.nullable().optional(),
  address: optionalText(300),
});
export type PersonInput = z.infer<typeof PersonInput>;

/** Partial update: contact fields left out are kept; null clears them. */
export const PersonUpdateInput = z.object({
  displayName: z.string().trim().min(1).max(60).optional(),
  positionId: Id.nullable().optional(),
  level: z.string().trim().min(1).max(40).nullable().optional(),
  teamIds: z.array(Id).max(20).optional(),
  hireDate: CalendarDate.nullable().optional(),
  weeklyCapacityHours: z.number().min(0).max(84).optional(),
  skills: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
  status: PersonStatus.optional(),
  userId: Id.nullable().optional(),
  phone: Phone.nullable().optional(),
  wechat: optionalText(60),
  idCard: IdCard.nullable().optional(),
  address: optionalText(300),
});
export type PersonUpdateInput = z.infer<typeof PersonUpdateInput>;

export const MaskedContacts = z.object({
  phone: z.string().nullable(),
  wechat: z.string().nullable(),
  idCard: z.string().nullable(),
  address: z.string().nullable(),
});
export type MaskedContacts = z.infer<typeof MaskedContacts>;

export const PersonView = z.object({
  id: Id,
  displayName: z.string(),
  positionId: Id.nullable(),
  level: z.string().nullable(),
  teamIds: z.array(Id),
  hireDate: z.string().nullable(),
  weeklyCapacityHours: z.number(),
  skills: z.array(z.string()),
  status: PersonStatus,
  userId: Id.nullable(),
  /** Masked, e.g. 138****5678; null when not on file. */
  contacts: MaskedContacts,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type PersonView = z.infer<typeof PersonView>;

export const PeopleQuery = z.object({
  teamId: Id.optional(),
  positionId: Id.optional(),
  status: PersonStatus.optional(),
  q: z.string().trim().max(60).optional(),
});
export type PeopleQuery = z.infer<typeof PeopleQuery>;

export const RevealInput = z.object({ fields: z.array(ContactField).min(1).max(4) });
export type RevealInput = z.infer<typeof RevealInput>;
export const RevealView = z.object({
  phone: z.string().nullable().optional(),
  wechat: z.string().nullable().optional(),
  idCard: z.string().nullable().optional(),
  address: z.string().nullable().optional(),
});
export type RevealView = z.infer<typeof RevealView>;

export const peopleErrors = {
  'person/not-found': { status: 404, zh: '找不到该成员', en: 'Person not found' },
  'person/unknown-position': { status: 400, zh: '岗位不存在', en: 'Unknown position' },
  'person/unknown-level': { status: 400, zh: '该岗位没有这个级别', en: 'The position has no such level' },
  'person/unknown-team': { status: 400, zh: '团队不存在或无权访问', en: 'Unknown team, or not one of yours' },
  'person/unknown-user': { status: 400, zh: '用户账号不存在', en: 'Unknown user account' },
  'person/user-linked': { status: 409, zh: '该用户账号已关联其他成员', en: 'That user account is linked to another person' },
} as const;
