import { createHmac, randomBytes, randomInt } from 'node:crypto';
import { createChallenge, verifySolution, type Challenge, type Solution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { RateLimiter } from '../../platform/auth/rate-limit.js';
import { BadUserInput, rateLimited } from '../../platform/graphql/errors.js';

/**
 * What stands between the anonymous reporting path and a flood, without learning who anybody
 * is: a per-client budget keyed by a pseudonym of the address that changes every day, a
 * proof-of-work on every request that costs the server something, and a global ceiling far
 * above any one client's budget.
 */

/** The day's key for pseudonyms of addresses. It lives in this process only, never on disk. */
let pseudonymKey: { day: string; key: Buffer } | undefined;

function keyOfToday(): Buffer {
  const day = new Date().toISOString().slice(0, 10);
  if (pseudonymKey?.day !== day) pseudonymKey = { day, key: randomBytes(32) };
  return pseudonymKey.key;
}

/**
 * A keyed hash of the client's address under a key that is made afresh every day and kept only
 * in memory: it tells one client from another for today's budgets, and once the day's key is
 * gone nobody (the operator included) can tell which address it was.
 */
export function clientPseudonym(address: string | undefined): string {
  return createHmac('sha256', keyOfToday())
    .update(address ?? 'unknown')
    .digest('base64url')
    .slice(0, 22);
}

export type ReportingAction = 'submit' | 'receipt' | 'reply' | 'upload';

interface Budget {
  /** One client (one address's pseudonym) in `window` seconds. */
  perClient: number;
  /** Everybody together in `window` seconds: a last resort, far above any one client. */
  global: number;
  window: number;
}

/** Generous for a person, far too little to shut the path for anybody else. */
export const BUDGETS: Record<ReportingAction, Budget> = {
  submit: { perClient: 10, global: 3_000, window: 600 },
  receipt: { perClient: 30, global: 6_000, window: 600 },
  reply: { perClient: 20, global: 3_000, window: 600 },
  upload: { perClient: 40, global: 6_000, window: 600 },
};

/**
 * The keys that sign challenges, derived from one secret the caller passes (the sealer's keyed
 * lookup of a fixed label, so every instance sharing ALANY_REPORT_KEY verifies the others'
 * challenges; the key itself is never in the database).
 */
function challengeKeys(secret: string) {
  return {
    hmacSignatureSecret: createHmac('sha256', secret)
      .update('report challenge')
      .digest('base64url'),
    hmacKeySignatureSecret: createHmac('sha256', secret).update('report key').digest('base64url'),
  };
}

/**
 * How many counters the solver may have to try: the browser tries half of them on average,
 * about a second on a phone (SHA-256 in Web Workers), while the server verifies with one HMAC.
 */
export const CHALLENGE_COUNTERS = 100_000;
const CHALLENGE_SECONDS = 600;

/** A signed, expiring challenge; the answer is the counter whose SHA-256 it names. */
export async function issueChallenge(secret: string): Promise<string> {
  const challenge = await createChallenge({
    algorithm: 'SHA-256',
    cost: 1,
    counter: randomInt(0, CHALLENGE_COUNTERS),
    deriveKey,
    expiresAt: Math.floor(Date.now() / 1000) + CHALLENGE_SECONDS,
    ...challengeKeys(secret),
  });
  return Buffer.from(JSON.stringify(challenge)).toString('base64url');
}

const proofRefused = (reason: string, message: string) =>
  BadUserInput.field('proof', reason, message);

function decodeProof(proof: string): { challenge: Challenge; solution: Solution } | undefined {
  if (proof.length > 4096) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(proof, 'base64url').toString('utf8')) as {
      challenge?: Challenge;
      solution?: Solution;
    };
    if (typeof parsed?.challenge?.parameters !== 'object' || typeof parsed.solution !== 'object')
      return undefined;
    return { challenge: parsed.challenge, solution: parsed.solution };
  } catch {
    return undefined;
  }
}

/**
 * Accepts a solved challenge once: a signature and a single HMAC, then the challenge is spent
 * (its nonce remembered until it would have expired anyway).
 */
export async function verifyProof(
  rateLimiter: RateLimiter,
  secret: string,
  proof: string | undefined | null,
): Promise<void> {
  const decoded = proof ? decodeProof(proof) : undefined;
  if (!decoded)
    throw proofRefused(
      'PROOF_REQUIRED',
      'Your browser must solve a short puzzle before sending. Reload the page and try again.',
    );
  const result = await verifySolution({
    challenge: decoded.challenge,
    solution: decoded.solution,
    deriveKey,
    ...challengeKeys(secret),
  }).catch(() => undefined);
  if (result?.expired)
    throw proofRefused('PROOF_EXPIRED', 'The puzzle your browser solved has expired. Send again.');
  if (!result?.verified)
    throw proofRefused(
      'PROOF_INVALID',
      'The puzzle was not solved. Reload the page and try again.',
    );
  const spent = await rateLimiter.hit(
    `report:proof:${decoded.challenge.parameters.nonce}`,
    1,
    CHALLENGE_SECONDS,
  );
  if (!spent.allowed) throw proofRefused('PROOF_USED', 'This puzzle was already used. Send again.');
}

/**
 * The gate of one anonymous reporting request: the client's own budget first (a flood spends
 * only its own), then the proof of work, then the global ceiling (which only solved requests
 * can reach). `client` is the day's pseudonym of the address, never the address.
 */
export async function passGate(
  rateLimiter: RateLimiter,
  secret: string,
  action: ReportingAction,
  client: string,
  proof: string | undefined | null,
): Promise<void> {
  const budget = BUDGETS[action];
  const own = await rateLimiter.hit(
    `report:${action}:client:${client}`,
    budget.perClient,
    budget.window,
  );
  if (!own.allowed) throw rateLimited(own.retryAfter);
  await verifyProof(rateLimiter, secret, proof);
  const everyone = await rateLimiter.hit(`report:${action}:all`, budget.global, budget.window);
  if (!everyone.allowed) throw rateLimited(everyone.retryAfter);
}
