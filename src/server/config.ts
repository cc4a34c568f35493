import path from 'node:path';

/** Runtime configuration, read once from the environment. */
export interface Config {
  /** Where SQLite, attachments and the generated key live. */
  dataDir: string;
  /** `postgres://…` switches to PostgreSQL; unset means SQLite under dataDir. */
  databaseUrl: string | null;
  host: string;
  port: number;
  /** Keyed audit chain (HMAC-SM3) when set; plain SM3 chain otherwise. */
  auditHmacKey: string | null;
  /** Number of reverse proxies in front of the app whose X-Forwarded-For is trusted. */
  trustProxy: boolean | number;
  /** Serve the built web app from this folder (null: API only). */
  webDir: string | null;
  logLevel: string;
  /** Largest accepted upload (attachments, Excel imports), in bytes: LVZHI_MAX_UPLOAD_MB, default 20. */
  maxUploadBytes: number;
  /**
   * How often a serving process runs the compliance reminder job, in seconds:
   * LVZHI_REMINDER_INTERVAL_SECONDS, default 600; 0 switches it off (e.g. on extra read-only nodes).
   */
  reminderIntervalSeconds: number;
  /**
   * From which hour (Beijing time, 0–23) a serving process runs the nightly evidence file check:
   * LVZHI_INTEGRITY_CHECK_HOUR, default 2; "off" switches it off (null).
   */
  integrityCheckHour: number | null;
  /**
   * LVZHI_SCAN_COMMAND: a malware scanner run (through /bin/sh) with each evidence upload on its
   * standard input before it is stored, e.g. `clamdscan --no-summary -`; exit 0 = clean. Unset: no scan.
   */
  scanCommand: string | null;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.LVZHI_DATA_DIR ?? 'data');
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535, got "${env.PORT}"`);
  }
  const proxies = env.LVZHI_TRUST_PROXY;
  const uploadMb = Number(env.LVZHI_MAX_UPLOAD_MB || 20);
  if (!Number.isFinite(uploadMb) || uploadMb <= 0 || uploadMb > 1024) {
    throw new Error(`LVZHI_MAX_UPLOAD_MB must be a number of megabytes between 0 and 1024, got "${env.LVZHI_MAX_UPLOAD_MB}"`);
  }
  const reminderSeconds = Number(env.LVZHI_REMINDER_INTERVAL_SECONDS || 600);
  if (!Number.isInteger(reminderSeconds) || reminderSeconds < 0 || reminderSeconds > 86_400) {
    throw new Error(`LVZHI_REMINDER_INTERVAL_SECONDS must be a whole number of seconds between 0 and 86400, got "${env.LVZHI_REMINDER_INTERVAL_SECONDS}"`);
  }
  const integrityHour = env.LVZHI_INTEGRITY_CHECK_HOUR || '2';
  if (integrityHour !== 'off' && !/^(?:[01]?\d|2[0-3])$/.test(integrityHour)) {
    throw new Error(`LVZHI_INTEGRITY_CHECK_HOUR must be an hour from 0 to 23 or "off", got "${env.LVZHI_INTEGRITY_CHECK_HOUR}"`);
  }
  return {
    dataDir,
    databaseUrl: env.DATABASE_URL && env.DATABASE_URL.length > 0 ? env.DATABASE_URL : null,
    host: env.HOST ?? '127.0.0.1',
    port,
    auditHmacKey: env.LVZHI_AUDIT_KEY && env.LVZHI_AUDIT_KEY.length > 0 ? env.LVZHI_AUDIT_KEY : null,
    trustProxy: proxies === undefined || proxies === '' ? false : Number.isInteger(Number(proxies)) ? Number(proxies) : true,
    webDir: env.LVZHI_WEB_DIR ?? path.resolve('dist/web'),
    logLevel: env.LOG_LEVEL ?? 'info',
    maxUploadBytes: Math.round(uploadMb * 1024 * 1024),
    reminderIntervalSeconds: reminderSeconds,
    integrityCheckHour: integrityHour === 'off' ? null : Number(integrityHour),
    scanCommand: env.LVZHI_SCAN_COMMAND?.trim() ? env.LVZHI_SCAN_COMMAND.trim() : null,
  };
}
