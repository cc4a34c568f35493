/** Key/value settings (security policy, instance state). `value` is JSON. */
export interface SettingTable {
  key: string;
  value: unknown;
  updated_at: string;
  updated_by: string | null;
}
