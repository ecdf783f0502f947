import { z } from 'zod';
import { Id, Locale, TimeZone, Timestamp } from './common';

export const Role = z.enum(['owner', 'manager', 'member', 'viewer']);
export type Role = z.infer<typeof Role>;

/** Every permission a route can declare. Roles grant sets of them (rolePermissions). */
export const Permission = z.enum([
  'team:read',
  'team:write',
  'room:read',
  'room:write',
  'catalog:read',
  'catalog:write',
  'person:read',
  'person:write',
  'person:reveal',
  'audit:read',
  'user:manage',
  'token:manage',
  'product:write',
  'session:write',
  'session:override',
  /** Write scripts, titles and product copy and send them to review. */
  'content:write',
  /** Approve content, request changes, waive block findings. */
  'content:review',
  /** Edit rule packs, terms, categories, allow lists and the look-alike table. */
  'compliance:manage',
  /** Manage notification channels (group robots, webhooks), their routing rules, and read the delivery log. */
  'channel:manage',
  /** Open incidents, change their status, severity and roles, write postmortems, edit playbooks. */
  'incident:write',
  /** Edit the risk register. */
  'risk:write',
  /** Edit the sentiment lexicon. */
  'sentiment:manage',
  /** Import platform exports and edit column-mapping presets. */
  'data:import',
  /** Accept or dismiss optimisation suggestions. */
  'suggestion:decide',
  /** Configure and generate the weekly report. */
  'report:manage',
]);
export type Permission = z.infer<typeof Permission>;

const read: Permission[] = ['team:read', 'room:read', 'catalog:read', 'person:read'];
export const rolePermissions: Record<Role, readonly Permission[]> = {
  viewer: read,
  member: [...read, 'content:write'],
  manager: [
    ...read, 'room:write', 'catalog:write', 'person:write', 'person:reveal', 'audit:read', 'product:write', 'session:write', 'session:override',
    'content:write', 'content:review', 'compliance:manage', 'channel:manage', 'incident:write', 'risk:write',
    'sentiment:manage', 'data:import', 'suggestion:decide', 'report:manage',
  ],
  owner: Permission.options,
};

export const Email = z.string().trim().toLowerCase().pipe(z.email().max(254));
export const Password = z.string().min(8).max(200);
export const DisplayName = z.string().trim().min(1).max(80);

export const LoginInput = z.object({ email: Email, password: z.string().min(1).max(200) });
export type LoginInput = z.infer<typeof LoginInput>;

export const SetupOwnerInput = z.object({
  email: Email,
  password: Password,
  displayName: DisplayName,
  locale: Locale.optional(),
});
export type SetupOwnerInput = z.infer<typeof SetupOwnerInput>;

export const SetupStatus = z.object({ needsSetup: z.boolean(), demoLoaded: z.boolean() });
export type SetupStatus = z.infer<typeof SetupStatus>;

export const UserStatus = z.enum(['active', 'deactivated']);

export const UserView = z.object({
  id: Id,
  email: z.string(),
  displayName: z.string(),
  role: Role,
  status: UserStatus,
  locale: Locale.nullable(),
  timeZone: z.string(),
  teamIds: z.array(Id),
  lastLoginAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export type UserView = z.infer<typeof UserView>;

/** Who is signed in, what they may do, and the token to send as x-csrf-token on writes. */
export const MeView = z.object({
  user: UserView,
  permissions: z.array(Permission),
  csrfToken: z.string(),
});
export type MeView = z.infer<typeof MeView>;

export const ProfileInput = z.object({
  displayName: DisplayName.optional(),
  locale: Locale.nullable().optional(),
  timeZone: TimeZone.optional(),
});
export type ProfileInput = z.infer<typeof ProfileInput>;

export const PasswordChangeInput = z.object({ currentPassword: z.string().min(1).max(200), newPassword: Password });
export type PasswordChangeInput = z.infer<typeof PasswordChangeInput>;

export const UserUpdateInput = z.object({
  role: Role.optional(),
  teamIds: z.array(Id).max(100).optional(),
  displayName: DisplayName.optional(),
});
export type UserUpdateInput = z.infer<typeof UserUpdateInput>;

export const InviteInput = z.object({
  email: Email,
  role: Role,
  teamIds: z.array(Id).max(100).default([]),
  /** Hours until the link stops working; 1 hour to 30 days. */
  expiresInHours: z.number().int().min(1).max(720).default(72),
});
export type InviteInput = z.infer<typeof InviteInput>;

export const InviteView = z.object({
  id: Id,
  email: z.string(),
  role: Role,
  kind: z.enum(['invite', 'reset']),
  teamIds: z.array(Id),
  expiresAt: Timestamp,
  acceptedAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export type InviteView = z.infer<typeof InviteView>;

/** Returned once when an invite or reset link is made: the path holds the secret token. */
export const InviteLinkView = z.object({ invite: InviteView, path: z.string() });
export type InviteLinkView = z.infer<typeof InviteLinkView>;

export const TokenParams = z.object({ token: z.string().min(10).max(200) });

export const InvitePreview = z.object({ email: z.string(), role: Role, kind: z.enum(['invite', 'reset']), expiresAt: Timestamp });
export type InvitePreview = z.infer<typeof InvitePreview>;

export const AcceptInviteInput = z.object({ displayName: DisplayName.optional(), password: Password });
export type AcceptInviteInput = z.infer<typeof AcceptInviteInput>;

export const TokenScope = z.enum(['ingest', 'read']);
export type TokenScope = z.infer<typeof TokenScope>;

export const ApiTokenInput = z.object({
  name: z.string().trim().min(1).max(80),
  roomId: Id,
  scopes: z.array(TokenScope).min(1).max(2),
});
export type ApiTokenInput = z.infer<typeof ApiTokenInput>;

export const ApiTokenView = z.object({
  id: Id,
  name: z.string(),
  roomId: Id,
  scopes: z.array(TokenScope),
  createdAt: Timestamp,
  lastUsedAt: Timestamp.nullable(),
  revokedAt: Timestamp.nullable(),
});
export type ApiTokenView = z.infer<typeof ApiTokenView>;

/** The secret appears here once, at creation, and never again. */
export const CreatedApiTokenView = z.object({ token: z.string(), apiToken: ApiTokenView });

export const accountsErrors = {
  'auth/invalid-credentials': { status: 401, zh: '邮箱或密码错误', en: 'Wrong email or password' },
  'auth/locked': { status: 429, zh: '登录失败次数过多，账号已临时锁定，请稍后再试', en: 'Too many failed sign-ins; the account is locked for a while' },
  'auth/deactivated': { status: 403, zh: '该账号已停用', en: 'This account is deactivated' },
  'auth/wrong-password': { status: 400, zh: '当前密码不正确', en: 'The current password is wrong' },
  'setup/already-done': { status: 409, zh: '系统已完成初始化', en: 'Setup is already done' },
  'user/not-found': { status: 404, zh: '找不到该用户', en: 'User not found' },
  'user/email-taken': { status: 409, zh: '该邮箱已被使用', en: 'This email is already in use' },
  'user/last-owner': { status: 409, zh: '不能移除最后一位所有者', en: 'The last owner cannot be removed or demoted' },
  'user/self-deactivate': { status: 409, zh: '不能停用自己的账号', en: 'You cannot deactivate your own account' },
  'invite/not-found': { status: 404, zh: '邀请链接无效', en: 'This link is not valid' },
  'invite/expired': { status: 410, zh: '链接已过期，请联系管理员重新发送', en: 'This link has expired; ask for a new one' },
  'invite/used': { status: 410, zh: '链接已被使用', en: 'This link has already been used' },
  'token/not-found': { status: 404, zh: '找不到该令牌', en: 'Token not found' },
} as const;
