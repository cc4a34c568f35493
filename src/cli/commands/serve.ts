import fs from 'node:fs';
import path from 'node:path';
import { installShutdown, startServer } from '../../server/main.ts';
import { PackLoadError } from '../../server/modules/pack/pack.catalog.ts';
import { defineCommand } from '../command.ts';
import { cliConfig, describeDatabase } from '../context.ts';
import { CliError } from '../io.ts';
import { defaultWebDir, ensureWebBuilt } from '../webBuild.ts';

export const serveCommand = defineCommand({
  name: 'serve',
  summary: 'run the server: API and web app on http://HOST:PORT',
  usage: `Usage: lvzhi serve [--build-web]

Runs the server: applies pending migrations, then serves the API and the web app.
Stops cleanly on SIGINT (Ctrl-C) or SIGTERM.

Options:
  --build-web   build the web app first when dist/web is missing or older than src/web
                (npm start does this)

Environment: LVZHI_DATA_DIR (default ./data), DATABASE_URL (postgres://… for PostgreSQL),
PORT (default 3000), HOST (default 127.0.0.1), LOG_LEVEL (default info), LVZHI_SECRET_KEY,
LVZHI_AUDIT_KEY, LVZHI_TRUST_PROXY, LVZHI_WEB_DIR (default: the checkout's dist/web).
`,
  options: { 'build-web': { type: 'boolean' } },
  async run({ values }, io) {
    const config = cliConfig(io);
    // The checkout's dist/web unless LVZHI_WEB_DIR says otherwise, whatever the working directory.
    let webDir: string | null = io.env.LVZHI_WEB_DIR ? config.webDir : defaultWebDir();
    if (values['build-web'] && !io.env.LVZHI_WEB_DIR) webDir = await ensureWebBuilt(io);
    if (webDir && !fs.existsSync(path.join(webDir, 'index.html'))) {
      io.err(`lvzhi: warning: no web app in ${webDir} (run "npm run build" or "lvzhi serve --build-web"); serving the API only\n`);
      webDir = null;
    }
    const server = await startServer({ config: { ...config, webDir }, env: io.env }).catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      // A broken pack is not a database problem: its message already lists file, line and reason.
      if (error instanceof PackLoadError) throw new CliError(`cannot start the server: ${reason}`);
      throw new CliError(`cannot start the server (database ${describeDatabase(config)}): ${reason}`);
    });
    const say = (text: string) => io.err(`${text}\n`);
    installShutdown(server, say);
    if (server.migrations.length > 0) say(`lvzhi: applied migrations: ${server.migrations.join(', ')}`);
    say(`lvzhi listening on ${server.url}`);
    if (!server.setupDone) {
      // A server bound to every interface is still reached from this machine through loopback.
      const local = server.url.replace('//0.0.0.0:', '//127.0.0.1:').replace('//[::]:', '//[::1]:');
      say(webDir
        ? `lvzhi is not set up yet: open ${local} in a browser, the first-run page creates the organization and its administrators`
        : 'lvzhi is not set up yet: without the web app, use POST /api/setup, or "lvzhi demo" and "lvzhi user create"');
    }
    return 0;
  },
});
