import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/cliHarness.ts';

// Command-line handling only: nothing here opens a database.
const env = { LVZHI_DATA_DIR: '/nonexistent/lvzhi-cli-test' };

describe('lvzhi command line', () => {
  it('prints the command list for help and exits 0', async () => {
    const { code, stdout } = await runCli(['help'], env);
    expect(code).toBe(0);
    for (const name of ['serve', 'migrate', 'demo', 'user create', 'user reset-password', 'user list', 'org list', 'audit verify', 'backup', 'restore']) {
      expect(stdout).toContain(`  ${name} `);
    }
  });

  it('prints a command usage for --help and for help <command>', async () => {
    const a = await runCli(['user', 'create', '--help'], env);
    const b = await runCli(['help', 'user', 'create'], env);
    expect(a.code).toBe(0);
    expect(a.stdout).toContain('Usage: lvzhi user create --username U --password P --role R --org ORG_ID');
    expect(b.stdout).toBe(a.stdout);
  });

  it('exits 2 with a message on stderr for an unknown command', async () => {
    const { code, stdout, stderr } = await runCli(['frobnicate'], env);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('lvzhi: unknown command "frobnicate"; run "lvzhi help"\n');
  });

  it('exits 2 for an unknown flag, a missing option or a missing subcommand', async () => {
    const flag = await runCli(['migrate', '--frobnicate'], env);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("Unknown option '--frobnicate'");
    const missing = await runCli(['user', 'create', '--username', 'a'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing --password, --role, --org');
    const sub = await runCli(['user'], env);
    expect(sub.code).toBe(2);
    expect(sub.stderr).toContain('"user" needs one of: create, reset-password, reset-2fa, list');
    const positional = await runCli(['backup'], env);
    expect(positional.code).toBe(2);
    expect(positional.stderr).toContain('missing FILE');
  });

  it('exits 2 without a command, printing the help on stderr', async () => {
    const { code, stdout, stderr } = await runCli([], env);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Usage: lvzhi <command>');
  });

  it('refuses to read a database that does not exist rather than creating it', async () => {
    const { code, stderr } = await runCli(['org', 'list'], env);
    expect(code).toBe(1);
    expect(stderr).toBe('lvzhi: no database at /nonexistent/lvzhi-cli-test/lvzhi.db (set LVZHI_DATA_DIR or DATABASE_URL, or run "lvzhi migrate" first)\n');
  });
});
