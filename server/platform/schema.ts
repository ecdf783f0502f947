import type { Generated } from 'kysely';

/**
 * The tables as Kysely sees them. Timestamps are ISO-8601 UTC text; booleans are not used (better-sqlite3 cannot bind them);
 * lists are JSON text. Columns ending in _enc hold Cipher ciphertext.
 */
export interface Database {
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
  products: {
    id: string;
    sku: string;
    name: string;
    category: string;
    list_price_fen: number;
    live_price_fen: number;
    stock: number;
    selling_points: string; // JSON array
    image_urls: string; // JSON array
    created_at: string;
    updated_at: string;
  };
  live_sessions: {
    id: string;
    room_id: string;
    title: string;
    planned_start: string;
    planned_end: string;
    goal_gmv_fen: number | null;
    goal_viewers: number | null;
    goal_orders: number | null;
    notes: string;
    status: string;
    cancel_reason: string | null;
    series_id: string | null;
    is_unplanned: number;
    created_by: string | null;
    created_at: string;
    updated_at: string;
  };
  session_crew: { session_id: string; person_id: string; role: string };
  session_slots: {
    id: string;
    session_id: string;
    position: number;
    product_id: string;
    planned_minutes: number;
    slot_type: string;
    talking_points: string;
    mechanics: string; // JSON array
  };
  checklist_templates: { id: string; name_zh: string; name_en: string; items: string; created_at: string; updated_at: string };
  checklist_items: {
    id: string;
    session_id: string;
    template_id: string | null;
    label_zh: string;
    label_en: string;
    category: string;
    due_at: string;
    done_at: string | null;
    done_by_person_id: string | null;
    done_by_user_id: string | null;
  };
  work_rules: {
    subject_type: string;
    subject_id: string;
    max_continuous_minutes: number | null;
    min_rest_minutes: number | null;
    max_daily_minutes: number | null;
    max_weekly_minutes: number | null;
    updated_at: string;
  };
  rule_overrides: { id: string; session_id: string; violations: string; reason: string; user_id: string | null; at: string };
  calendar_feeds: { person_id: string; token_hash: string; token_enc: string; created_at: string };
  live_events: {
    id: Generated<number>;
    room_id: string;
    session_id: string;
    platform: string;
    platform_msg_id: string | null;
    kind: string;
    source_type: string;
    at: string;
    received_at: string;
    user_ext_id: string | null;
    user_name: string | null;
    text: string | null;
    count: number | null;
    value_fen: number | null;
    unit: string | null;
    unit_amount: number | null;
    fen_per_unit: number | null;
    order_id: string | null;
    product_ref: string | null;
    buyer_ref: string | null;
    status: string | null;
    raw: string | null;
    /** positive | neutral | negative, for comments (issue 6). */
    sentiment: string | null;
    sentiment_score: number | null;
    /** JSON string[] of aspect tags. */
    aspects: string | null;
  };
  live_minutes: {
    session_id: string;
    minute: string;
    comments: number;
    commenters: number;
    gifts: number;
    gift_fen: number;
    likes: number;
    follows: number;
    shares: number;
    joins: number;
    fans_club: number;
    super_chats: number;
    super_chat_fen: number;
    memberships: number;
    membership_fen: number;
    orders: number;
    gmv_fen: number;
    transcripts: number;
    unknown: number;
    viewers_max: number | null;
    viewers_sum: number;
    viewers_samples: number;
    sentiment_pos: Generated<number>;
    sentiment_neu: Generated<number>;
    sentiment_neg: Generated<number>;
  };
  live_commenters: { session_id: string; minute: string; user_key: string };
  live_session_stats: {
    session_id: string;
    first_event_at: string;
    last_event_at: string;
    events: number;
    commenters: number;
    viewers_cumulative: number | null;
    likes_total: number | null;
  };

  // ---- compliance (issue 5) ----
  compliance_categories: { key: string; name_zh: string; name_en: string; builtin: number; created_at: string };
  compliance_packs: {
    id: string;
    key: string;
    name_zh: string;
    name_en: string;
    builtin: number;
    enabled: number;
    /** JSON EvasionSwitches. */
    evasion: string;
    position: number;
    created_at: string;
    updated_at: string;
  };
  compliance_rules: {
    id: string;
    pack_id: string;
    /** The rule id findings carry; unique. */
    key: string;
    category: string;
    severity: string;
    basis_zh: string;
    basis_en: string;
    /** Null for a word-list rule, else a PatternKind. */
    pattern: string | null;
    high_risk: number;
    /** JSON arrays, null = any. */
    product_categories: string | null;
    contexts: string | null;
    suggestion: string | null;
    enabled: number;
    position: number;
    created_at: string;
    updated_at: string;
  };
  compliance_terms: { id: Generated<number>; rule_id: string; term: string; created_at: string };
  compliance_allow: { id: Generated<number>; pack_id: string; word: string; created_at: string };
  compliance_lookalikes: { id: Generated<number>; variant: string; canonical: string; created_at: string };
  compliance_revision: { id: number; revision: number; updated_at: string };
  content_items: {
    id: string;
    team_id: string;
    room_id: string | null;
    session_id: string | null;
    product_id: string | null;
    /** script | title | cover_text | product_copy */
    kind: string;
    name: string;
    category: string | null;
    /** draft | in_review | approved | changes_requested */
    state: string;
    current_version: number;
    created_by: string | null;
    reviewed_by: string | null;
    reviewed_at: string | null;
    created_at: string;
    updated_at: string;
  };
  content_versions: {
    item_id: string;
    number: number;
    body: string;
    note: string | null;
    author_id: string | null;
    /** JSON ScanFinding[]. */
    findings: string;
    /** compliance_revision.revision the findings were computed with. */
    revision: number;
    created_at: string;
  };
  content_comments: {
    id: Generated<number>;
    item_id: string;
    version: number;
    span_start: number | null;
    span_end: number | null;
    quote: string | null;
    body: string;
    author_id: string | null;
    resolved_at: string | null;
    created_at: string;
  };
  content_waivers: {
    id: Generated<number>;
    item_id: string;
    version: number;
    rule: string;
    term: string;
    span_start: number;
    span_end: number;
    reason: string;
    waived_by: string | null;
    created_at: string;
  };
  compliance_findings: {
    id: Generated<number>;
    session_id: string;
    room_id: string;
    team_id: string;
    event_id: number;
    /** comment | transcript */
    source: string;
    host_person_id: string | null;
    rule: string;
    category: string;
    severity: string;
    term: string;
    span_start: number;
    span_end: number;
    /** JSON string[]. */
    evasion: string;
    at: string;
  };
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

  // ---- issue 6, sentiment area: add its tables below this line ----
  sentiment_lexicon: {
    id: string;
    term: string;
    kind: string;
    weight: number | null;
    aspect: string | null;
    enabled: number;
    note: string;
    updated_by: string | null;
    created_at: string;
    updated_at: string;
  };
  sentiment_revision: { id: number; revision: number; updated_at: string };

  // ---- issue 6, alerts area: add its tables below this line ----
  alert_rules: {
    room_id: string;
    team_id: string;
    /** JSON AlertThresholds. */
    thresholds: string;
    updated_by: string | null;
    updated_at: string;
  };
  alert_cursors: { session_id: string; finding_id: number | string; updated_at: string };

  // ---- issue 6, channels area: add its tables below this line ----
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

  // ---- issue 6, incidents area: add its tables below this line ----
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

  // ---- issue 7, the metric spine (contracts/analytics.ts) ----
  metric_values: {
    session_id: string;
    metric: string;
    source: string;
    value: number;
    basis: string | null;
    platform: string;
    time_window: string;
    import_id: string | null;
    updated_at: string;
  };

  // ---- issue 7, imports area: add its tables below this line ----
  imports: {
    id: string;
    file_name: string;
    platform: string;
    time_window: string;
    preset_id: string | null;
    preset_name: string | null;
    row_count: number;
    value_count: number;
    /** JSON array of live_sessions ids. */
    session_ids: string;
    /** JSON array of team ids. */
    team_ids: string;
    created_by: string | null;
    created_by_label: string;
    created_at: string;
    undone_at: string | null;
    undone_by_label: string | null;
  };
  import_presets: {
    id: string;
    name: string;
    platform: string;
    /** JSON array of header texts. */
    headers: string;
    header_key: string;
    /** JSON ImportMapping. */
    mapping: string;
    created_by: string | null;
    created_at: string;
    updated_at: string;
  };

  // ---- issue 7, reviews area (session review, suggestions): add its tables below this line ----
  suggestions: {
    id: string;
    team_id: string;
    room_id: string;
    session_id: string;
    /** SuggestionRule */
    rule: string;
    /** 'session', 'slot-<position>' or 'window-<ISO start>': unique with session and rule. */
    key: string;
    /** info | warn | critical */
    severity: string;
    title_zh: string;
    title_en: string;
    advice_zh: string;
    advice_en: string;
    /** JSON Evidence. */
    evidence: string;
    /** open | accepted | dismissed */
    status: string;
    decided_by: string | null;
    decided_by_label: string | null;
    decided_at: string | null;
    dismiss_reason: string | null;
    note: string | null;
    task_id: string | null;
    created_at: string;
    updated_at: string;
  };

  // ---- issue 7, dashboards area (dashboards, weekly reports): add its tables below this line ----
  session_summaries: {
    session_id: string;
    room_id: string;
    team_id: string;
    day: string;
    planned_start: string;
    has_data: number;
    gmv_fen: number | null;
    orders: number | null;
    buyers: number | null;
    views: number | null;
    viewers: number | null;
    peak_viewers: number | null;
    comments: number | null;
    commenters: number | null;
    follows: number | null;
    gift_fen: number | null;
    duration_seconds: number | null;
    gpm_fen: number | null;
    gpm_basis: string | null;
    events_seen: number;
    values_seen: number;
    computed_at: string;
  };
  session_hosts: { session_id: string; person_id: string; day: string };
  weekly_reports: {
    id: string;
    week_start: string;
    week_end: string;
    time_zone: string;
    trigger: string;
    generated_by: string | null;
    body: string;
    created_at: string;
  };
}
