import type { Generated } from 'kysely';

/** Compliance and content review: rule packs, content items with versions, comments and waivers, live findings. See ../schema.ts for the conventions. */
export interface ContentTables {
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
}
