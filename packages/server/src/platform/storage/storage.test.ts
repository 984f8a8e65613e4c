import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3Client, CreateBucketCommand } from '@aws-sdk/client-s3';
import { LocalFileStorage } from './local.js';
import { S3FileStorage } from './s3.js';
import type { FileStorage } from './index.js';

/**
 * Both storages against the real thing: a folder, and an S3-compatible server (s3rver, which
 * speaks the S3 protocol over HTTP, multipart uploads included) on a loopback port.
 */
interface S3Server {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}
const S3rver = createRequire(import.meta.url)('s3rver') as new (options: object) => S3Server;

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A source that gives some bytes and then fails, like a dropped upload. */
function failingSource(): Readable {
  let sent = 0;
  return new Readable({
    read() {
      sent += 1;
      if (sent > 3) this.destroy(new Error('connection reset'));
      else this.push(Buffer.alloc(64 * 1024, sent));
    },
  });
}

const dirs: string[] = [];
let s3: S3Server;
let s3Storage: S3FileStorage;

beforeAll(async () => {
  const s3Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alany-s3-'));
  dirs.push(s3Dir);
  s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: s3Dir });
  const { port } = await s3.run();
  const settings = {
    bucket: 'alany-test',
    region: 'us-east-1',
    endpoint: `http://127.0.0.1:${port}`,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
    prefix: 'tests/',
  };
  const client = new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  await client.send(new CreateBucketCommand({ Bucket: settings.bucket }));
  s3Storage = new S3FileStorage(settings);
});

afterAll(async () => {
  await s3?.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function local(): LocalFileStorage {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alany-files-'));
  dirs.push(dir);
  return new LocalFileStorage(dir);
}

describe.each([
  ['a local folder', () => local() as FileStorage],
  ['S3', () => s3Storage as FileStorage],
])('file storage in %s', (_name, storage) => {
  it('streams a file in and the same bytes out, and deletes it', async () => {
    const store = storage();
    // Larger than one 8 MB multipart part, so S3 goes through a real multipart upload.
    const bytes = Buffer.alloc(9 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i += 4096) bytes[i] = i % 251;
    await store.put(
      'uploads/2026-11/roundtrip',
      Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]),
    );
    const stored = await store.get('uploads/2026-11/roundtrip');
    expect(stored.size).toBe(bytes.length);
    expect((await readAll(stored.body)).equals(bytes)).toBe(true);
    await store.delete('uploads/2026-11/roundtrip');
    await expect(store.get('uploads/2026-11/roundtrip')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('keeps nothing under the key when the source fails midway', async () => {
    const store = storage();
    await expect(store.put('uploads/2026-11/broken', failingSource())).rejects.toThrow();
    await expect(store.get('uploads/2026-11/broken')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses keys that could leave its folder or bucket prefix', async () => {
    const store = storage();
    for (const key of ['../escape', '/etc/passwd', 'uploads/../../x', 'Upper', '']) {
      await expect(store.put(key, Readable.from(['x']))).rejects.toThrow(/Not a storage key/);
    }
  });
});

describe('the local folder', () => {
  it('writes through a temporary file: no partial file is ever visible under the key', async () => {
    const store = local();
    await expect(store.put('uploads/x', failingSource())).rejects.toThrow('connection reset');
    const root = (store as unknown as { root: string }).root;
    expect(fs.readdirSync(path.join(root, '.partial'))).toEqual([]);
    expect(fs.existsSync(path.join(root, 'uploads/x'))).toBe(false);
  });
});
