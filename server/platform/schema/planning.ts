/** Live planning: products, sessions with their crew, run of show and checklists, work rules, calendar feeds. See ../schema.ts for the conventions. */
export interface PlanningTables {
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
}
