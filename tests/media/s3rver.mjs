// Starts s3rver on 127.0.0.1 and a free port with one bucket, prints "port <n>" once it listens, and stops
// when its standard input closes (the test script holds it open).
import S3rver from 's3rver';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const directory = mkdtempSync(join(tmpdir(), 'sikgu-s3rver-'));
const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory,
  configureBuckets: [{ name: process.argv[2] ?? 'sikgu-test' }],
});
const { port } = await server.run();
console.log(`port ${port}`);
const stop = async () => {
  await server.close();
  rmSync(directory, { recursive: true, force: true });
  process.exit(0);
};
process.stdin.on('end', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
