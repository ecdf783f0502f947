import type { Generated } from 'kysely';

/** Alerts, notifications and channels, incidents with playbooks, the risk register. See ../schema.ts for the conventions. */
export interface RiskTables {
  notifications: {
    id: Generated<number>;
    user_id: string;
    kind: string;
    severity: string;
    title_zh: string;
    title_en: string;
    body: string;
    link: string | null;
    session_id: string | null;
    read_at: string | null;
    created_at: string;
  };
  // ---- alerts, outbox, tasks (issue 6) ----
  alerts: {
    id: string;
    team_id: string;
    room_id: string | null;
    session_id: string | null;
    /** compliance | sentiment_surge | viewer_drop | stream_silent | gmv_pace */
    kind: string;
    /** info | warn | critical */
    severity: string;
    group_key: string;
    title_zh: string;
    title_en: string;
    /** JSON. */
    detail: string;
    count: number;
    first_at: string;
    last_at: string;
    /** open | acknowledged | resolved */
    status: string;
    acknowledged_by: string | null;
    acknowledged_at: string | null;
    resolved_by: string | null;
    resolved_at: string | null;
    incident_id: string | null;
  };
  outbox: {
    id: Generated<number>;
    kind: string;
    team_id: string | null;
    room_id: string | null;
    severity: string;
    title_zh: string;
    title_en: string;
    body_zh: string;
    body_en: string;
    link: string | null;
    ref_id: string | null;
    created_at: string;
    routed_at: string | null;
  };
  alert_rules: {
    room_id: string;
    team_id: string;
    /** JSON AlertThresholds. */
    thresholds: string;
    updated_by: string | null;
    updated_at: string;
  };
  alert_cursors: { session_id: string; finding_id: number | string; updated_at: string };
  channels: {
    id: string;
    name: string;
    /** wecom | dingtalk | feishu | webhook */
    kind: string;
    url_enc: string;
    secret_enc: string | null;
    locale: string;
    enabled: number;
    created_by: string | null;
    created_at: string;
    updated_at: string;
  };
  channel_routes: {
    id: string;
    channel_id: string;
    kind: string | null;
    min_severity: string | null;
    team_id: string | null;
    room_id: string | null;
    created_at: string;
    updated_at: string;
  };
  channel_deliveries: {
    id: Generated<number>;
    outbox_id: number | null;
    channel_id: string;
    severity: string;
    title: string;
    /** pending | sending | sent | failed */
    status: string;
    attempts: number;
    next_attempt_at: string;
    last_error: string | null;
    response_status: number | null;
    created_at: string;
    updated_at: string;
    sent_at: string | null;
  };
  channel_attempts: {
    id: Generated<number>;
    delivery_id: number;
    attempt: number;
    started_at: string;
    finished_at: string;
    ok: number;
    response_status: number | null;
    error: string | null;
    response_body: string | null;
  };
  playbooks: {
    id: string;
    scenario: string;
    name_zh: string;
    name_en: string;
    description_zh: string;
    description_en: string;
    default_severity: string;
    /** JSON PlaybookStep[] */
    steps: string;
    created_at: string;
    updated_at: string;
  };
  incidents: {
    id: string;
    team_id: string;
    room_id: string | null;
    session_id: string | null;
    playbook_id: string | null;
    title: string;
    summary: string;
    severity: string;
    status: string;
    commander_person_id: string | null;
    communications_person_id: string | null;
    scribe_person_id: string | null;
    opened_by: string | null;
    opened_at: string;
    mitigated_at: string | null;
    resolved_at: string | null;
    closed_at: string | null;
    root_cause: string;
    impact: string;
    minutes_affected: number | null;
    gmv_at_risk_fen: number | string | null;
    updated_at: string;
  };
  incident_events: {
    id: string;
    incident_id: string;
    at: string;
    kind: string;
    user_id: string | null;
    actor_label: string | null;
    text_zh: string;
    text_en: string;
  };
  incident_steps: {
    id: string;
    incident_id: string;
    ord: number;
    position_id: string | null;
    text_zh: string;
    text_en: string;
    done_at: string | null;
    done_by_user_id: string | null;
  };
  risks: {
    id: string;
    team_id: string | null;
    title: string;
    category: string;
    description: string;
    likelihood: number;
    impact: number;
    owner_person_id: string | null;
    mitigations: string;
    next_review_date: string;
    playbook_ids: string;
    incident_ids: string;
    created_at: string;
    updated_at: string;
  };
}
