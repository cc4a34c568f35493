import type { Selectable } from 'kysely';

/** An in-app notification to one user (compliance reminders for now). */
export interface NotificationTable {
  id: string;
  user_id: string;
  /** 'compliance.due_soon' | 'compliance.overdue'. */
  kind: string;
  title: string;
  body: string;
  /** Where the web app opens on click, e.g. the compliance page of the org. */
  link: string | null;
  org_id: string | null;
  /** Unique: what the notification is about and for whom; a second insert of it is a no-op. */
  dedupe_key: string;
  created_at: string;
  read_at: string | null;
}

/** Who runs a scheduled job now: one holder until `expires_at`, renewed by each run. */
export interface JobLeaseTable {
  name: string;
  holder: string;
  expires_at: string;
}

export type NotificationRow = Selectable<NotificationTable>;
