import { solveChallenge, solveChallengeWorkers, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/sha';

/**
 * The proof of work every anonymous reporting request carries (see the server's
 * reports.gate.ts): a fresh challenge from the server, solved in this browser. The search runs
 * in Web Workers, so the page stays responsive; about a second on a phone. No cookie goes
 * with the request for the challenge either.
 */
export class ProofFailed extends Error {}

async function challenge(): Promise<Challenge> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query ReportChallenge { reportChallenge }' }),
    });
  } catch {
    throw new ProofFailed('network');
  }
  const body = (await response.json().catch(() => null)) as {
    data?: { reportChallenge?: string };
  } | null;
  const encoded = body?.data?.reportChallenge;
  if (!encoded) throw new ProofFailed('no challenge');
  const json = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(json) as Challenge;
}

function encode(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const workers = () =>
  typeof Worker !== 'undefined' && typeof navigator !== 'undefined'
    ? Math.min(4, Math.max(1, navigator.hardwareConcurrency || 2))
    : 0;

/** A solved challenge, ready to send as `proof` (or the X-Report-Proof header). */
export async function solveProof(): Promise<string> {
  const puzzle = await challenge();
  const concurrency = workers();
  const solution = concurrency
    ? await solveChallengeWorkers({
        challenge: puzzle,
        concurrency,
        createWorker: () =>
          new Worker(new URL('./proof.worker.ts', import.meta.url), { type: 'module' }),
      }).catch(() => solveChallenge({ challenge: puzzle, deriveKey }))
    : // No workers (very old browsers): altcha's solver awaits each hash, so the page still
      // answers between them.
      await solveChallenge({ challenge: puzzle, deriveKey });
  if (!solution) throw new ProofFailed('unsolved');
  return encode({ challenge: puzzle, solution });
}
