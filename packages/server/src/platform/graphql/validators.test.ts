import 'reflect-metadata';
import { getMetadataStorage, IsInt, IsOptional, Length, Min, validate } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { ArgumentValidationError } from 'type-graphql';
import { rememberValidationLookups, validateArgument } from './validators.js';

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

class Note {
  @Length(1, 5)
  text!: string;

  @IsOptional()
  @IsInt()
  rank?: number;
}

describe('argument validation', () => {
  it("validates object arguments and the objects of lists as type-graphql's own would", async () => {
    await expect(validateArgument(Object.assign(new Note(), { text: 'ok' }))).resolves.toBe(
      undefined,
    );
    // Scalars and nulls are not validated; missing properties are skipped, as type-graphql does.
    await expect(validateArgument('x'.repeat(50))).resolves.toBe(undefined);
    await expect(validateArgument(null)).resolves.toBe(undefined);
    await expect(validateArgument(new Note())).resolves.toBe(undefined);

    const failure = await validateArgument([
      Object.assign(new Note(), { text: 'fine' }),
      Object.assign(new Note(), { text: 'far too long', rank: 1.5 }),
    ]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ArgumentValidationError);
    const problems = (failure as ArgumentValidationError).extensions.validationErrors;
    expect(problems.map((problem) => problem.property)).toEqual(['text', 'rank']);
  });
});
