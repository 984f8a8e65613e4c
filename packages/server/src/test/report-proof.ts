import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';

/**
 * Solves a reportChallenge the way the reporter's browser does (altcha-lib, SHA-256), here
 * with Node's hash: tests send real proofs, nothing on the server is switched off for them.
 */
export async function solveProof(encoded: string): Promise<string> {
  const challenge = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('The challenge could not be solved.');
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64url');
}

/** A fresh challenge from the server at `baseUrl`, solved: one reporting request's proof. */
export async function reportProof(
  baseUrl: string,
  headers: Record<string, string> = {},
): Promise<string> {
  const response = await fetch(`${baseUrl.replace(/\/graphql$/, '')}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: '{ reportChallenge }' }),
  });
  const body = (await response.json()) as { data?: { reportChallenge?: string } };
  if (!body.data?.reportChallenge) throw new Error(`No challenge: ${JSON.stringify(body)}`);
  return solveProof(body.data.reportChallenge);
}
