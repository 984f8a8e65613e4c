import 'reflect-metadata';
import { getMetadataStorage, IsInt, Min, validate } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { rememberValidationLookups } from './validators.js';

class Ballot {
  @IsInt()
  choice!: number;
}

describe('remembered validation lookups', () => {
  it('validate exactly as before, and see a constraint registered afterwards', async () => {
    const storage = getMetadataStorage();
    const before = storage.getTargetValidationMetadatas(Ballot, '', false, false);
    rememberValidationLookups(storage);
    rememberValidationLookups(storage); // twice is once
    expect(storage.getTargetValidationMetadatas(Ballot, '', false, false)).toEqual(before);

    const ballot = Object.assign(new Ballot(), { choice: 1.5 });
    expect((await validate(ballot)).map((e) => e.property)).toEqual(['choice']);
    expect(await validate(Object.assign(new Ballot(), { choice: 2 }))).toEqual([]);

    // A constraint added after the first lookups counts at once.
    Min(3)(Ballot.prototype, 'choice');
    const errors = await validate(Object.assign(new Ballot(), { choice: 2 }));
    expect(Object.keys(errors[0]?.constraints ?? {})).toEqual(['min']);
  });
});
