import { z } from 'zod';
import { Id, patchOf, TimeZone, Timestamp } from './common';
import { SessionRole } from './planning';

export const TeamInput = z.object({
  name: z.string().trim().min(1).max(60),
  description: z.string().trim().max(500).default(''),
});
export type TeamInput = z.infer<typeof TeamInput>;
export const TeamUpdateInput = patchOf(TeamInput);
export type TeamUpdateInput = z.infer<typeof TeamUpdateInput>;

export const TeamView = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  roomCount: z.number(),
  memberCount: z.number(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type TeamView = z.infer<typeof TeamView>;

export const Platform = z.enum(['douyin', 'taobao', 'kuaishou', 'wechat_channels', 'bilibili', 'tiktok', 'other']);
export type Platform = z.infer<typeof Platform>;

export const RoomInput = z.object({
  teamId: Id,
  platform: Platform,
  accountId: z.string().trim().min(1).max(100),
  displayName: z.string().trim().min(1).max(100),
  timeZone: TimeZone.default('Asia/Shanghai'),
  /** The platform's push-signature secret (e.g. Douyin); stored encrypted, never returned. */
  secret: z.string().min(1).max(500).optional(),
  /** Crew roles every session in this room must fill before it can be scheduled. */
  requiredRoles: z
    .array(SessionRole)
    .max(7)
    .transform((roles) => [...new Set(roles)])
    .default(['host', 'field_control', 'console']),
  /** A session moves to "scheduled" only when its script and title are approved in content review. */
  requireApprovedContent: z.boolean().default(true),
});
export type RoomInput = z.infer<typeof RoomInput>;
export const RoomUpdateInput = patchOf(RoomInput).extend({ secret: z.string().min(1).max(500).nullable().optional() });
export type RoomUpdateInput = z.infer<typeof RoomUpdateInput>;

export const RoomView = z.object({
  id: Id,
  teamId: Id,
  platform: Platform,
  accountId: z.string(),
  displayName: z.string(),
  timeZone: z.string(),
  hasSecret: z.boolean(),
  requiredRoles: z.array(SessionRole),
  requireApprovedContent: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type RoomView = z.infer<typeof RoomView>;

export const teamErrors = {
  'team/not-found': { status: 404, zh: '找不到该团队', en: 'Team not found' },
  'team/name-taken': { status: 409, zh: '团队名称已存在', en: 'A team with this name already exists' },
  'team/not-empty': { status: 409, zh: '团队下仍有直播间或成员，无法删除', en: 'The team still has rooms or people' },
  'room/not-found': { status: 404, zh: '找不到该直播间', en: 'Room not found' },
  'room/account-taken': { status: 409, zh: '该平台账号已登记', en: 'This platform account is already registered' },
} as const;
