/// <reference lib="webworker" />
import { deriveKey } from 'altcha-lib/algorithms/web/sha';
import { handler } from 'altcha-lib/workers/shared';

// altcha-lib's worker protocol (solveChallengeWorkers), with the browser's SHA-256.
handler({ deriveKey });
