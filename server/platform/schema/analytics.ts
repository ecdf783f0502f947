/** Analytics: metric values and imports, suggestions, session summaries for the dashboards, weekly reports. See ../schema.ts for the conventions. */
export interface AnalyticsTables {
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
  /** When a session's suggestions were last computed, and from data up to when. */
  suggestion_runs: { session_id: string; computed_at: string; data_at: string | null };
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
