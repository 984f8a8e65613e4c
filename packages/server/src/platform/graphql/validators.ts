import { ArgumentValidationError, Field, ID } from 'type-graphql';
import {
  getMetadataStorage,
  isEmail,
  IsUUID,
  registerDecorator,
  type MetadataStorage,
  type ValidationError,
  type ValidationOptions,
  type ValidatorOptions,
  validateOrReject,
} from 'class-validator';

/** An e-mail address as people paste it: surrounding spaces are forgiven (the service trims them). */
export function IsEmailAddress(options?: ValidationOptions) {
  return (target: object, propertyName: string) => {
    registerDecorator({
      name: 'isEmailAddress',
      target: target.constructor,
      propertyName,
      options: { message: 'Enter a valid e-mail address.', ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && isEmail(value.normalize('NFKC').trim()),
      },
    });
  };
}

/** An `ID!` input field that must be a UUID: the one shape every id in Alany's inputs has. */
export function IdField(options: { description?: string } = {}): PropertyDecorator {
  return (target, property) => {
    Field(() => ID, options)(target, property);
    IsUUID('all', { message: 'Not a valid id.' })(target, property);
  };
}

type TargetMetadatas = MetadataStorage['getTargetValidationMetadatas'];

/**
 * class-validator looks up an input class's constraints anew on every validation, scanning the
 * constraints of every class in the schema (and testing inheritance against each): for a
 * one-field input such as a vote that lookup was most of the validation. The constraints are
 * fixed once the decorators have run, so the answer is kept per class and options; it is
 * forgotten whenever a constraint is registered afterwards.
 */
export function rememberValidationLookups(storage = getMetadataStorage()): void {
  const marked = storage as MetadataStorage & { alanyRemembers?: true };
  if (marked.alanyRemembers) return;
  marked.alanyRemembers = true;
  const lookup: TargetMetadatas = storage.getTargetValidationMetadatas.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  let remembered = new Map<unknown, Map<string, ReturnType<TargetMetadatas>>>();
  storage.addValidationMetadata = (metadata) => {
    remembered = new Map();
    add(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? ''}`;
    let byOptions = remembered.get(target);
    if (!byOptions) remembered.set(target, (byOptions = new Map()));
    let found = byOptions.get(key);
    if (!found) byOptions.set(key, (found = lookup(target, schema, always, strictGroups, groups)));
    // class-validator only reads the list; a copy keeps a caller's change out of the next answer.
    return [...found];
  };
}

/** type-graphql's options for class-validator, as its default validation completes them. */
export const ARGUMENT_VALIDATION: ValidatorOptions = {
  forbidUnknownValues: false,
  stopAtFirstError: false,
  skipMissingProperties: true,
};

const validatable = (value: unknown): value is object =>
  value !== null && typeof value === 'object';

/**
 * type-graphql's own argument validation (its `validateArg`: object arguments and the objects
 * of list arguments, `ARGUMENT_VALIDATION`, failures as `ArgumentValidationError`), given as its
 * `validateFn` because its default does `await import('class-validator')` for every argument of
 * every operation: a module-map lookup and job per argument, ≈ 5 % of a vote storm's CPU.
 */
export async function validateArgument(value: unknown): Promise<void> {
  if (!validatable(value)) return;
  try {
    if (Array.isArray(value))
      await Promise.all(
        value.filter(validatable).map((item) => validateOrReject(item, ARGUMENT_VALIDATION)),
      );
    else await validateOrReject(value, ARGUMENT_VALIDATION);
  } catch (error) {
    throw new ArgumentValidationError(error as ValidationError[]);
  }
}
