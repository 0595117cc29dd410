// Starts Bluesky's reference PDS (npm @atproto/pds) on loopback with an in-memory PLC directory (npm @did-plc/server,
// the one @atproto/dev-env uses), for BlueskyReferencePdsTest. Prints one line "READY <pds-port>" when both answer,
// and stops when its standard input closes, so a test that dies cannot leave it running.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import * as plc from '@did-plc/server';
import * as pds from '@atproto/pds';
import { Secp256k1Keypair } from '@atproto/crypto';

const keepAliveMillis = Number(process.env.PDS_KEEP_ALIVE_MILLIS || 5000);
const dir = mkdtempSync(join(tmpdir(), 'herald-pds-'));

const plcServer = plc.PlcServer.create({ db: plc.Database.mock(), port: 0 });
const plcHttp = await plcServer.start();
const plcUrl = `http://localhost:${plcHttp.address().port}`;

const rotationKey = await Secp256k1Keypair.create({ exportable: true });
const env = {
  port: 0,
  hostname: 'localhost',
  devMode: true,
  inviteRequired: false,
  serviceHandleDomains: ['.test'],
  didPlcUrl: plcUrl,
  dataDirectory: dir,
  blobstoreDiskLocation: join(dir, 'blobs'),
  jwtSecret: randomBytes(16).toString('hex'),
  adminPassword: randomBytes(16).toString('hex'),
  plcRotationKeyK256PrivateKeyHex: Buffer.from(await rotationKey.export()).toString('hex'),
  rateLimitsEnabled: false,
  disableSsrfProtection: true,
};
const server = await pds.PDS.create(pds.envToCfg(env), pds.envToSecrets(env));
const http = await server.start();
// Node closes a kept-alive connection after keepAliveTimeout of silence; the test shortens it to meet that moment.
http.keepAliveTimeout = keepAliveMillis;

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.destroy().catch(() => {});
  await plcServer.destroy().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
console.log(`READY ${http.address().port}`);
