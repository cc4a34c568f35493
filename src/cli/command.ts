import { parseArgs, type ParseArgsConfig } from 'node:util';
import { type CliIo, UsageError } from './io.ts';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

// Every command answers --help (-h) the same way, so it is added here rather than in each one.
const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

type ParseConfig<O extends OptionsConfig> = { args: string[]; options: O & typeof HELP_OPTION; allowPositionals: true; strict: true };
export type ParsedArgs<O extends OptionsConfig> = ReturnType<typeof parseArgs<ParseConfig<O>>>;

export interface CommandSpec<O extends OptionsConfig> {
  /** The words that name it, e.g. "user create". */
  name: string;
  /** One line for `lvzhi help`. */
  summary: string;
  /** The full text for `lvzhi <command> --help`. */
  usage: string;
  options: O;
  /** Options that must be given. */
  required?: ReadonlyArray<keyof O & string>;
  /** Names of the positional arguments; each one is required. */
  positionals?: readonly string[];
  run(args: ParsedArgs<O>, io: CliIo): Promise<number>;
}

/** A command with its option types erased, so that commands of any shape share one table. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  invoke(argv: string[], io: CliIo): Promise<number>;
}

/** Wraps a command's spec with strict parsing, --help, and checks for required arguments. */
export function defineCommand<const O extends OptionsConfig>(spec: CommandSpec<O>): Command {
  const usageHint = `run "lvzhi ${spec.name} --help" for usage`;
  return {
    name: spec.name,
    summary: spec.summary,
    usage: spec.usage,
    async invoke(argv, io) {
      let args: ParsedArgs<O>;
      try {
        const config: ParseConfig<O> = { args: argv, options: { ...spec.options, ...HELP_OPTION }, allowPositionals: true, strict: true };
        args = parseArgs(config);
      } catch (error) {
        // parseArgs throws TypeErrors (ERR_PARSE_ARGS_*) whose messages already name the flag.
        throw new UsageError(`${error instanceof Error ? error.message : String(error)}; ${usageHint}`);
      }
      // Inside this generic function the parsed values' type is unresolved; read them as a record.
      const values = args.values as Record<string, unknown>;
      if (values.help) {
        io.out(spec.usage.endsWith('\n') ? spec.usage : `${spec.usage}\n`);
        return 0;
      }
      const missing = (spec.required ?? []).filter((name) => values[name] === undefined);
      if (missing.length > 0) throw new UsageError(`missing ${missing.map((m) => `--${m}`).join(', ')}; ${usageHint}`);
      const expected = spec.positionals ?? [];
      if (args.positionals.length < expected.length) {
        throw new UsageError(`missing ${expected.slice(args.positionals.length).join(', ')}; ${usageHint}`);
      }
      if (args.positionals.length > expected.length) {
        throw new UsageError(`unexpected argument "${args.positionals[expected.length]}"; ${usageHint}`);
      }
      return spec.run(args, io);
    },
  };
}
