import path from 'node:path';
import type { FileStorage } from './file-storage.js';
import { LocalFileStorage } from './local.js';
import { S3FileStorage, type S3Settings } from './s3.js';

// The stores import these from file-storage.ts, not from here: this file imports the stores.
export { checkKey, type FileStorage, type StoredFile } from './file-storage.js';

export type StorageSettings = { kind: 'local'; directory: string } | ({ kind: 's3' } & S3Settings);

export function createFileStorage(settings: StorageSettings): FileStorage {
  return settings.kind === 's3'
    ? new S3FileStorage(settings)
    : new LocalFileStorage(settings.directory);
}

/** The local default: a folder inside the data directory. */
export const localStorageDirectory = (dataDir: string) => path.join(dataDir, 'files');
