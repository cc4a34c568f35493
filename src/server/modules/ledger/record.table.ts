import type { Selectable } from 'kysely';

/** One ledger entry of any pack record type. `fields` holds the type's fields as JSON. */
export interface RecordTable {
  id: string;
  pack_id: string;
  type_id: string;
  org_id: string;
  title: string;
  /** YYYY-MM-DD. */
  occurred_on: string;
  fields: unknown;
  search_text: string;
  created_by: string | null;
  created_at: string;
  updated_by: string | null;
  updated_at: string;
  deleted_at: string | null;
  deleted_by: string | null;
}

/** A stored file: content-addressed by its SM3 under <dataDir>/files. */
export interface AttachmentTable {
  id: string;
  sm3: string;
  size: number;
  mime: string;
  original_name: string;
  org_id: string;
  created_by: string | null;
  created_at: string;
}

export interface RecordAttachmentTable {
  record_id: string;
  attachment_id: string;
  field_id: string;
  sort_order: number;
}

/** A local variant of a pack rule for an org and its subtree. */
export interface RuleOverrideTable {
  id: string;
  org_id: string;
  pack_id: string;
  rule_id: string;
  min: number | null;
  enabled: number;
  reason: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export type RecordRow = Selectable<RecordTable>;
export type AttachmentRow = Selectable<AttachmentTable>;
