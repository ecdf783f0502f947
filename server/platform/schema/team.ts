import type { Generated } from 'kysely';

/** Accounts, teams and rooms, positions and duties, people, the audit log, settings and everyone's tasks. See ../schema.ts for the conventions. */
export interface TeamTables {
  users: {
    id: string;
    email: string;
    display_name: string;
    password_hash: string;
    role: string;
    status: string;
    locale: string | null;
    time_zone: string;
    failed_logins: number;
    locked_until: string | null;
    last_login_at: string | null;
    created_at: string;
    updated_at: string;
  };
  user_teams: { user_id: string; team_id: string };
  auth_sessions: {
    id: string; // sha256 of the cookie value
    user_id: string;
    csrf_token: string;
    created_at: string;
    expires_at: string;
    last_seen_at: string;
  };
  invites: {
    id: string;
    token_hash: string;
    kind: string; // invite | reset
    email: string;
    role: string;
    team_ids: string; // JSON array
    user_id: string | null; // the user a reset link is for
    created_by: string | null;
    expires_at: string;
    accepted_at: string | null;
    created_at: string;
  };
  api_tokens: {
    id: string;
    name: string;
    token_hash: string;
    room_id: string;
    scopes: string; // comma separated
    created_by: string | null;
    created_at: string;
    last_used_at: string | null;
    revoked_at: string | null;
  };
  teams: { id: string; name: string; description: string; created_at: string; updated_at: string };
  rooms: {
    id: string;
    team_id: string;
    platform: string;
    account_id: string;
    display_name: string;
    time_zone: string;
    secret_enc: string | null;
    /** JSON array of SessionRole that must be filled before a session is scheduled. */
    required_roles: string;
    /** 1: a session moves to scheduled only with its script and title approved (issue 5); on by default. */
    require_approved_content: number;
    created_at: string;
    updated_at: string;
  };
  positions: {
    id: string;
    code: string;
    name_zh: string;
    name_en: string;
    description_zh: string;
    description_en: string;
    skills: string; // JSON array
    selection_criteria: string; // JSON array
    levels: string; // JSON array of Level
    sort_order: number;
    created_at: string;
    updated_at: string;
  };
  duties: {
    id: string;
    code: string;
    name_zh: string;
    name_en: string;
    description_zh: string;
    description_en: string;
    area: string;
    weekly_hours: number;
    created_at: string;
    updated_at: string;
  };
  raci_cells: { position_id: string; duty_id: string; value: string; updated_at: string };
  people: {
    id: string;
    display_name: string;
    position_id: string | null;
    level: string | null;
    hire_date: string | null;
    weekly_capacity_hours: number;
    skills: string; // JSON array
    status: string;
    user_id: string | null;
    phone_enc: string | null;
    wechat_enc: string | null;
    id_card_enc: string | null;
    address_enc: string | null;
    created_at: string;
    updated_at: string;
  };
  person_teams: { person_id: string; team_id: string };
  audit_log: {
    id: Generated<number>;
    at: string;
    actor_user_id: string | null;
    actor_label: string;
    action: string;
    entity_type: string;
    entity_id: string | null;
    team_id: string | null;
    summary: string;
    before_json: string | null;
    after_json: string | null;
  };
  settings: { key: string; value: string; updated_at: string };
  tasks: {
    id: string;
    team_id: string | null;
    title: string;
    detail: string;
    owner_person_id: string | null;
    due_date: string | null;
    /** open | done */
    status: string;
    /** incident_action | suggestion | manual */
    source_kind: string;
    source_id: string | null;
    created_by: string | null;
    created_at: string;
    updated_at: string;
    done_at: string | null;
  };
}
