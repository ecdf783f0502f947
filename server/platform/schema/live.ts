import type { Generated } from 'kysely';

/** The live show: raw events, per-minute rollups, commenters, session stats and the sentiment lexicon. See ../schema.ts for the conventions. */
export interface LiveTables {
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
}
