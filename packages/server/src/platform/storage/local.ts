import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { checkKey, type FileStorage, type StoredFile } from './file-storage.js';

/**
 * Files in a folder (by default under ALANY_DATA_DIR). A file is written under a temporary name
 * in the same folder tree, flushed to disk and then renamed into place, so a reader never sees
 * half a file and a crash or a cut-off upload leaves no file under the key.
 */
export class LocalFileStorage implements FileStorage {
  readonly kind = 'local' as const;
  private readonly partial: string;

  constructor(private readonly root: string) {
    this.partial = path.join(root, '.partial');
  }

  private pathOf(key: string): string {
    return path.join(this.root, checkKey(key));
  }

  async put(key: string, body: Readable): Promise<void> {
    const target = this.pathOf(key);
    await fsp.mkdir(this.partial, { recursive: true, mode: 0o700 });
    await fsp.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    const temporary = path.join(this.partial, randomUUID());
    try {
      const out = fs.createWriteStream(temporary, { flags: 'wx', mode: 0o600 });
      await pipeline(body, out);
      const handle = await fsp.open(temporary, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fsp.rename(temporary, target);
    } catch (error) {
      await fsp.rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<StoredFile> {
    const file = this.pathOf(key);
    const handle = await fsp.open(file, 'r');
    const { size } = await handle.stat();
    return { body: handle.createReadStream(), size };
  }

  async delete(key: string): Promise<void> {
    await fsp.rm(this.pathOf(key), { force: true });
  }
}
