// Starts Bluesky's whole reference network on loopback for Herald's inbox tests: the PLC directory, the PDS and the
// AppView (notifications, threads, profiles) of npm @atproto/dev-env, on this machine's PostgreSQL. Prints one line
// "READY <pds-url> <appview-url>" when they answer, and stops (dropping its database schemas and files) when its
// standard input closes, so a test that dies cannot leave it running.
//
// Environment (optional): DB_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432/herald_bluesky_tests, made
// when missing), REDIS_HOST (dev-env insists on it being set; nothing connects to it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const log = (...words) => process.stderr.write(`[bluesky network] ${words.join(' ')}\n`);

// Read by @atproto modules when they load: set before importing them.
process.env.LOG_ENABLED ??= 'false';
process.env.REDIS_HOST ??= '127.0.0.1:6379';
const dbUrl = process.env.DB_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/herald_bluesky_tests';

// The AppView accepts schema names of letters and underscores only: the launcher's pid is spelled in letters, so that
// a later run can tell the schemas of a run that died (its pid gone) and drop them.
const letters = (n) => String(n).replace(/[0-9]/g, (d) => 'abcdefghij'[d]);
const digits = (s) => Number(s.replace(/[a-j]/g, (c) => 'abcdefghij'.indexOf(c)));
const random = () => Array.from({ length: 6 }, () => 'klmnopqrstuvwxyz'[Math.floor(Math.random() * 16)]).join('');
const schema = `herald_${letters(process.pid)}_${random()}`;
const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
};

// dev-env keeps the PDS's SQLite files and blobs under the temporary directory and never removes them: each run gets
// its own, removed at the end (and at the next start when a run died).
const tmp = os.tmpdir();
for (const name of fs.readdirSync(tmp)) {
  const run = /^herald-bluesky-(\d+)-/.exec(name);
  if (run && !alive(Number(run[1]))) fs.rmSync(path.join(tmp, name), { recursive: true, force: true });
}
const runDir = fs.mkdtempSync(path.join(tmp, `herald-bluesky-${process.pid}-`));
process.env.TMPDIR = runDir;

const { default: pg } = await import('pg');
const { default: getPort } = await import('get-port');

async function withDatabase(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function prepareDatabase() {
  const name = decodeURIComponent(new URL(dbUrl).pathname.slice(1));
  const admin = new URL(dbUrl);
  admin.pathname = '/postgres';
  await withDatabase(admin.toString(), async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  });
  await withDatabase(dbUrl, async (client) => {
    const old = await client.query("SELECT nspname FROM pg_namespace WHERE nspname ~ '^(appview|ozone)_herald_[a-j]+_'");
    for (const { nspname } of old.rows) {
      if (!alive(digits(nspname.split('_')[2]))) await client.query(`DROP SCHEMA IF EXISTS "${nspname}" CASCADE`);
    }
  });
}

let network;
let stopping = false;
async function stop(reason, code = 0) {
  if (stopping) return;
  stopping = true;
  log('stopping:', reason);
  setTimeout(() => process.exit(1), 20000).unref();
  try {
    if (network) await network.close();
  } catch (e) {
    log('close failed:', e?.message ?? e);
  }
  try {
    await withDatabase(dbUrl, async (client) => {
      for (const s of [`appview_${schema}`, `ozone_${schema}`]) await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
    });
  } catch (e) {
    log('dropping the schemas failed:', e?.message ?? e);
  }
  fs.rmSync(runDir, { recursive: true, force: true });
  process.exit(code);
}

// The AppView's image server throws outside any handler when it cannot decode a blob; one bad image must not take the
// whole network down in the middle of a test.
process.on('uncaughtException', (e) => log('ignored:', e?.stack ?? e));
process.on('unhandledRejection', (e) => log('ignored:', e?.stack ?? e));
process.on('SIGTERM', () => stop('SIGTERM'));
process.stdin.on('end', () => stop('standard input closed'));
process.stdin.on('close', () => stop('standard input closed'));
process.stdin.resume();

try {
  await prepareDatabase();
  const { TestNetwork } = (await import('@atproto/dev-env')).default;
  const appViewPort = await getPort();
  // Clients name Bluesky's AppView did:web:api.bsky.app in atproto-proxy; the PDS would resolve that DID on the
  // internet unless it is told that this is its own AppView.
  const appViewAlias = 'did:web:api.bsky.app';
  network = await TestNetwork.create({
    dbPostgresUrl: dbUrl,
    dbPostgresSchema: schema,
    plc: {},
    // dev-env spreads these over its defaults: a key present but undefined would override one, so none is.
    pds: { hostname: 'localhost', rateLimitsEnabled: false, inviteRequired: false, bskyAppViewDid: appViewAlias },
    bsky: { port: appViewPort, publicUrl: `http://localhost:${appViewPort}`, alternateAudienceDids: [appViewAlias] },
    ozone: {},
  });
  if (stopping) process.exit(0);
  process.stdout.write(`READY ${network.pds.url} ${network.bsky.url}\n`);
} catch (e) {
  log('could not start:', e?.stack ?? e);
  await stop('start failed', 1);
}
