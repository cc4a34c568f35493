import { AppError } from '../server/platform/errors.ts';
import type { Command } from './command.ts';
import { auditVerifyCommand } from './commands/auditVerify.ts';
import { backupCommand } from './commands/backup.ts';
import { demoCommand } from './commands/demo.ts';
import { filesVerifyCommand } from './commands/filesVerify.ts';
import { migrateCommand } from './commands/migrate.ts';
import { orgListCommand } from './commands/orgList.ts';
import { packCheckCommand } from './commands/packCheck.ts';
import { policyAdminIpCommand } from './commands/policyAdminIp.ts';
import { reportDraftCommand } from './commands/reportDraft.ts';
import { restoreCommand } from './commands/restore.ts';
import { serveCommand } from './commands/serve.ts';
import { templateImportCommand } from './commands/templateImport.ts';
import { userCreateCommand } from './commands/userCreate.ts';
import { userListCommand } from './commands/userList.ts';
import { userReset2faCommand } from './commands/userReset2fa.ts';
import { userResetPasswordCommand } from './commands/userResetPassword.ts';
import { CliError, type CliIo, EXIT, processIo, UsageError } from './io.ts';
import { version } from './project.ts';

const COMMANDS: Command[] = [
  serveCommand, migrateCommand, demoCommand, userCreateCommand, userResetPasswordCommand, userReset2faCommand, userListCommand,
  orgListCommand, auditVerifyCommand, filesVerifyCommand, policyAdminIpCommand, backupCommand, restoreCommand, packCheckCommand, templateImportCommand,
  reportDraftCommand,
];

function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `lvzhi (履职) ${version()}: the ideology-work responsibility system

Usage: lvzhi <command> [options]        lvzhi <command> --help for its options

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Every command reads the same environment as the server: LVZHI_DATA_DIR (default ./data),
DATABASE_URL (postgres://… for PostgreSQL), LVZHI_SECRET_KEY, LVZHI_AUDIT_KEY. Commands that
change data record an audit entry by the actor "cli".

Exit status: 0 success, 1 failure, 2 bad command line, 3 audit log chain broken, 4 evidence files
missing or changed.
Set LVZHI_DEBUG=1 to see the stack of an unexpected error.
`;
}

/** The command named by the leading words of argv (two-word commands like "user create" first). */
function findCommand(argv: string[]): { command: Command; rest: string[] } | null {
  for (const words of [2, 1]) {
    const name = argv.slice(0, words).join(' ');
    const command = COMMANDS.find((c) => c.name === name);
    if (command) return { command, rest: argv.slice(words) };
  }
  return null;
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  const [first] = argv;
  if (first === undefined) {
    io.err(helpText());
    return EXIT.usage;
  }
  if (first === 'help' || first === '--help' || first === '-h') {
    const topic = argv.length > 1 ? findCommand(argv.slice(1)) : null;
    if (argv.length > 1 && !topic) throw new UsageError(`unknown command "${argv.slice(1).join(' ')}"; run "lvzhi help"`);
    io.out(topic ? topic.command.usage : helpText());
    return EXIT.ok;
  }
  if (first === '--version' || first === 'version') {
    io.out(`${version()}\n`);
    return EXIT.ok;
  }
  const found = findCommand(argv);
  if (!found) {
    const group = COMMANDS.filter((c) => c.name.startsWith(`${first} `));
    if (group.length > 0) {
      const sub = argv[1] === undefined ? 'a subcommand' : `"${argv[1]}"`;
      throw new UsageError(`"${first}" needs one of: ${group.map((c) => c.name.split(' ')[1]).join(', ')} (got ${sub}); run "lvzhi help"`);
    }
    throw new UsageError(`unknown command "${first}"; run "lvzhi help"`);
  }
  return found.command.invoke(found.rest, io);
}

/** One line on stderr and the exit code for an error; the stack only when asked for. */
function report(error: unknown, io: CliIo): number {
  if (error instanceof UsageError || error instanceof CliError) {
    io.err(`lvzhi: ${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof AppError) {
    // The services' messages are Chinese, written for the UI; the field says which argument.
    io.err(`lvzhi: ${error.field ? `${error.field}: ` : ''}${error.message}\n`);
    return EXIT.failed;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`lvzhi: ${message}\n`);
  if (io.env.LVZHI_DEBUG && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
  return EXIT.failed;
}

/**
 * Runs the `lvzhi` command line and returns the exit code. `serve` returns once the server is
 * listening; the server keeps the process alive.
 */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    return report(error, io);
  }
}
