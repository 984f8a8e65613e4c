import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 1;

/**
 * Encrypts what whistleblowers write (AES-256-GCM, a fresh 96-bit nonce per message) and derives
 * the keyed lookup for receipts. The key lives in the server's settings, never in the database,
 * so a copy of the database alone reads nothing.
 */
export class Sealer {
  private readonly encryptionKey: Buffer;
  private readonly lookupKey: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('The report key must be 32 bytes.');
    this.encryptionKey = Buffer.from(
      hkdfSync('sha256', key, Buffer.alloc(0), 'alany report encryption', 32),
    );
    this.lookupKey = Buffer.from(
      hkdfSync('sha256', key, Buffer.alloc(0), 'alany receipt lookup', 32),
    );
  }

  /** version (1 byte) | nonce (12) | tag (16) | ciphertext */
  seal(plaintext: string): Buffer {
    return this.sealBytes(Buffer.from(plaintext, 'utf8'));
  }

  open(sealed: Buffer): string {
    return this.openBytes(sealed).toString('utf8');
  }

  /** The same format for files (attachments). */
  sealBytes(plain: Buffer): Buffer {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, nonce);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), nonce, cipher.getAuthTag(), body]);
  }

  openBytes(sealed: Buffer): Buffer {
    if (sealed[0] !== VERSION) throw new Error('Unknown sealed format.');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, sealed.subarray(1, 13));
    decipher.setAuthTag(sealed.subarray(13, 29));
    return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]);
  }

  /** A keyed hash to find a report by its receipt; useless without the key. */
  lookup(receipt: string): string {
    return createHmac('sha256', this.lookupKey).update(receipt).digest('hex');
  }
}

/** The key from settings, or (outside production) one created once and kept in the data folder. */
export async function loadReportKey(
  configured: Buffer | undefined,
  dataDir: string,
): Promise<Buffer> {
  if (configured) return configured;
  const { default: fs } = await import('node:fs/promises');
  const { default: path } = await import('node:path');
  const file = path.join(dataDir, 'report.key');
  try {
    const key = Buffer.from((await fs.readFile(file, 'utf8')).trim(), 'base64');
    if (key.length === 32) return key;
    throw new Error(`${file} does not hold a 32-byte key`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await fs.mkdir(dataDir, { recursive: true });
    const key = randomBytes(32);
    await fs.writeFile(file, key.toString('base64'), { mode: 0o600, flag: 'wx' });
    return key;
  }
}
