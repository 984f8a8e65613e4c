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
import {
  defaultFieldResolver,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { BadUserInput, type FieldProblem } from './errors.js';

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

/** The one shape of every id in Alany (PostgreSQL's `uuid`, written the usual way). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Text PostgreSQL cannot store: a NUL character (text and jsonb refuse it, and it breaks the
 * wire protocol's strings), or half of a UTF-16 surrogate pair (no UTF-8 encoding exists).
 */
const UNSTORABLE_TEXT = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Appends the problems of one input value at `path`. */
type InputCheck = (value: unknown, path: string, problems: FieldProblem[]) => void;

const INVALID_ID = 'Not a valid id.';
const INVALID_TEXT = 'Text cannot contain NUL characters or unpaired surrogates.';

const checkId: InputCheck = (value, path, problems) => {
  if (typeof value === 'string' && !UUID.test(value)) {
    problems.push({ field: path, reason: 'INVALID_ID', message: INVALID_ID });
  }
};

const checkText: InputCheck = (value, path, problems) => {
  if (typeof value === 'string' && UNSTORABLE_TEXT.test(value)) {
    problems.push({ field: path, reason: 'INVALID_CHARACTER', message: INVALID_TEXT });
  }
};

/** Every string inside a custom scalar's value (a JSON object's keys and values among them). */
const checkTextDeep: InputCheck = (value, path, problems) => {
  if (typeof value === 'string') return checkText(value, path, problems);
  if (value === null || typeof value !== 'object' || value instanceof Date) return;
  for (const [key, item] of Object.entries(value)) {
    checkText(key, path, problems);
    checkTextDeep(item, `${path}.${key}`, problems);
  }
};

/**
 * The check of values of one input type, or undefined when nothing in it can be malformed this
 * way (enums, numbers, booleans). Input objects may refer to themselves: `known` ends the cycle.
 */
function checkFor(
  type: GraphQLInputType,
  known: Map<GraphQLInputObjectType, InputCheck | undefined>,
): InputCheck | undefined {
  if (isNonNullType(type)) return checkFor(type.ofType, known);
  if (isListType(type)) {
    const item = checkFor(type.ofType, known);
    if (!item) return undefined;
    return (value, path, problems) => {
      if (!Array.isArray(value)) return item(value, path, problems);
      value.forEach((element, index) => item(element, `${path}.${index}`, problems));
    };
  }
  if (isScalarType(type)) {
    if (type.name === 'ID') return checkId;
    if (type.name === 'String') return checkText;
    if (['Int', 'Float', 'Boolean'].includes(type.name)) return undefined;
    return checkTextDeep;
  }
  if (isEnumType(type)) return undefined;
  if (known.has(type)) {
    // Being built (a cycle): look it up when a value arrives.
    return (value, path, problems) => known.get(type)?.(value, path, problems);
  }
  known.set(type, undefined);
  const fields = Object.values(type.getFields()).flatMap((field) => {
    const check = checkFor(field.type, known);
    return check ? [[field.name, check] as const] : [];
  });
  const check: InputCheck | undefined = fields.length
    ? (value, path, problems) => {
        if (value === null || typeof value !== 'object') return;
        for (const [name, fieldCheck] of fields) {
          const fieldValue = (value as Record<string, unknown>)[name];
          if (fieldValue !== null && fieldValue !== undefined) {
            fieldCheck(fieldValue, `${path}.${name}`, problems);
          }
        }
      }
    : undefined;
  known.set(type, check);
  return check;
}

/**
 * Every field of the schema that takes arguments checks them before its resolver runs (and so
 * before any SQL): an `ID` that is not a UUID, or a `String` (at any depth of an input, in lists
 * too) with a NUL or an unpaired surrogate, is refused as BAD_USER_INPUT naming the argument
 * (`input.body`). Once for the whole schema, over HTTP and WebSocket, literals and variables
 * alike (the arguments are checked after graphql-js has coerced them); a refused field fails
 * alone, at its own path, and its siblings answer as usual.
 */
export function checkArgumentsOfEveryField(schema: GraphQLSchema): void {
  const known = new Map<GraphQLInputObjectType, InputCheck | undefined>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const checks = field.args.flatMap((arg) => {
        const check = checkFor(arg.type, known);
        return check ? [[arg.name, check] as const] : [];
      });
      if (!checks.length) continue;
      const refuse = (args: Record<string, unknown>) => {
        const problems: FieldProblem[] = [];
        for (const [name, check] of checks) {
          const value = args[name];
          if (value !== null && value !== undefined) check(value, name, problems);
        }
        if (problems.length) throw new BadUserInput(problems);
      };
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        refuse(args);
        return resolve(source, args, context, info);
      };
      const subscribe = field.subscribe;
      if (subscribe) {
        field.subscribe = (source, args, context, info) => {
          refuse(args);
          return subscribe(source, args, context, info);
        };
      }
    }
  }
}
