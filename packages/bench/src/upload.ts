import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { Readable } from 'node:stream';
import type { Child } from './util.js';
import { round } from './util.js';

export interface UploadResult {
  megabytes: number;
  status: number;
  seconds: number;
  megabytesPerSecond: number;
  /** Resident memory of the server process before the upload, and its peak during it. */
  rssBeforeMb: number;
  rssPeakMb: number;
  rssGrowthMb: number;
  /** The server's SHA-256 of what it stored equals the client's of what it sent. */
  sameBytes: boolean;
}

const MB = 1024 * 1024;

/** Resident set size of a process, from the kernel: what the machine really gives it. */
function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  return kb * 1024;
}

/**
 * Streams `megabytes` of data through POST /files as a signed-in member, generated on the fly
 * (the client holds one 1 MB chunk), while the server's resident memory is sampled every 20 ms.
 * Flat memory means the server streams to storage instead of buffering the file.
 */
export async function uploadMemory(
  alany: Child,
  graphqlUrl: string,
  session: string,
  megabytes: number,
): Promise<UploadResult> {
  const pid = alany.process.pid;
  if (!pid) throw new Error('the Alany child has no pid');
  await alany.call('memory'); // a collection first: the baseline is what the server keeps
  const rssBefore = rssOf(pid);
  let peak = rssBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssOf(pid));
  }, 20);

  const boundary = `alany-bench-${Date.now()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const chunk = Buffer.alloc(MB);
  for (let i = 0; i < chunk.length; i += 1) chunk[i] = (i * 31 + 7) % 256;
  const hash = createHash('sha256');
  function* body() {
    yield head;
    for (let i = 0; i < megabytes; i += 1) {
      hash.update(chunk);
      yield chunk;
    }
    yield tail;
  }

  const url = new URL(graphqlUrl.replace(/\/graphql$/, '/files'));
  const started = process.hrtime.bigint();
  const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        headers: {
          cookie: `alany_session=${session}`,
          'x-alany-upload': '1',
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(head.length + megabytes * MB + tail.length),
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (part: string) => (text += part));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      },
    );
    request.on('error', reject);
    Readable.from(body()).pipe(request);
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(sampler);
  peak = Math.max(peak, rssOf(pid));
  const stored = JSON.parse(answer.body || '{}') as { sha256?: string; size?: number };
  return {
    megabytes,
    status: answer.status,
    seconds: round(seconds, 2),
    megabytesPerSecond: round(megabytes / seconds),
    rssBeforeMb: round(rssBefore / MB),
    rssPeakMb: round(peak / MB),
    rssGrowthMb: round((peak - rssBefore) / MB),
    sameBytes: stored.sha256 === hash.digest('hex') && stored.size === megabytes * MB,
  };
}

/** The section of docs/benchmarks.md. */
export function uploadMarkdown(result: UploadResult): string[] {
  return [
    '## Upload memory',
    '',
    `${result.megabytes} MB streamed through \`POST /files\` by a signed-in member (HTTP ${result.status}) in ${result.seconds} s (${result.megabytesPerSecond} MB/s, SHA-256 and storage on the local folder included). Server resident memory: ${result.rssBeforeMb} MB before, **${result.rssPeakMb} MB at the peak** (+${result.rssGrowthMb} MB); the stored file has the same SHA-256 as the bytes sent: ${result.sameBytes}. Sampled from \`/proc/<pid>/status\` every 20 ms.`,
    '',
  ];
}
