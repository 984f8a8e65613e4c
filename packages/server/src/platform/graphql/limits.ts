import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { RequestHandler } from 'express';
import { LRUCache } from 'lru-cache';
import {
  GraphQLError,
  Kind,
  parse,
  specifiedRules,
  validate,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ParseOptions,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/**
 * What one document may ask for, over HTTP and graphql-ws alike. The numbers leave room above
 * the web client's own documents (measured with the `__typename`s Apollo Client adds, see
 * limits.test.ts): at most 179 tokens, nesting 7, cost 19 246 (ModerationQueue), 2 aliases,
 * no directives, 3 root fields.
 */
export const LIMITS = {
  /** Lexical tokens of the document; the parser stops at the next one (so does its work). */
  maxTokens: 1000,
  /** Nesting of fields; fragments and inline fragments add no level. */
  maxDepth: 10,
  /** graphql-armor's estimate: 2 per object, 1 per scalar, ×1.5 per level, × `first`. */
  maxCost: 50_000,
  maxAliases: 15,
  maxDirectives: 20,
  /** Fields at the top of an operation, counted through fragments. */
  maxRootFields: 20,
  /**
   * Fields answering under one name in one selection set, through fragments: graphql-js's
   * OverlappingFieldsCanBeMerged compares them pairwise (`{ viewer { id id id … } }`).
   */
  maxSameNameFields: 10,
} as const;

/** Stable reasons of refused documents, in `extensions.reason`. */
export type LimitReason =
  | 'MAX_TOKENS'
  | 'MAX_DEPTH'
  | 'MAX_COST'
  | 'MAX_ALIASES'
  | 'MAX_DIRECTIVES'
  | 'MAX_ROOT_FIELDS'
  | 'MAX_SAME_NAME_FIELDS';

export const parseOptions: ParseOptions = { maxTokens: LIMITS.maxTokens };

function refusal(reason: LimitReason, message: string, limit: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason, limit },
  });
}

const reporter =
  (reason: LimitReason, message: string, limit: number) => (context: ValidationContext | null) =>
    context?.reportError(refusal(reason, message, limit));

const armorRules = new ApolloArmor({
  // graphql-js's own `maxTokens` (parseOptions) stops the parser itself, on both transports;
  // armor's plugin would lex every document a second time, and only over HTTP.
  maxTokens: { enabled: false },
  // Introspection is public: its suggestions reveal nothing it does not.
  blockFieldSuggestion: { enabled: false },
  maxDepth: {
    n: LIMITS.maxDepth,
    flattenFragments: true,
    // `__schema { types { fields { type { fields … } } } }` is as deep and as costly as any other
    // field: counted like the rest, or one request answers the schema to the power of its depth.
    ignoreIntrospection: false,
    propagateOnRejection: false,
    onReject: [
      reporter(
        'MAX_DEPTH',
        `The operation is nested more than ${LIMITS.maxDepth} levels deep.`,
        LIMITS.maxDepth,
      ),
    ],
  },
  costLimit: {
    maxCost: LIMITS.maxCost,
    flattenFragments: true,
    ignoreIntrospection: false,
    propagateOnRejection: false,
    onReject: [
      reporter(
        'MAX_COST',
        `The operation would cost more than ${LIMITS.maxCost} (2 per object, 1 per scalar, ×1.5 per level, × first).`,
        LIMITS.maxCost,
      ),
    ],
  },
  maxAliases: {
    n: LIMITS.maxAliases,
    propagateOnRejection: false,
    onReject: [
      reporter(
        'MAX_ALIASES',
        `A document may use at most ${LIMITS.maxAliases} aliases.`,
        LIMITS.maxAliases,
      ),
    ],
  },
  // Replaced by `maxDirectivesRule` below: armor's counts the directives of a fragment spread
  // only the first time it meets that fragment (`...F @a ...F @a ...F @a` counts one).
  maxDirectives: { enabled: false },
}).protect().validationRules;

/**
 * Root fields of each operation, through fragment spreads and inline fragments. Each fragment's
 * count is computed once (memoised by name), so the work is linear in the document even when
 * fragments spread others many times over; a cycle counts nothing (NoFragmentCycles refuses it).
 */
export const maxRootFieldsRule: ValidationRule = (context): ASTVisitor => {
  const counted = new Map<string, number>();
  const countIn = (selectionSet: SelectionSetNode): number => {
    let count = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) count += 1;
      else if (selection.kind === Kind.INLINE_FRAGMENT) count += countIn(selection.selectionSet);
      else count += countFragment(context.getFragment(selection.name.value));
    }
    return count;
  };
  const countFragment = (fragment: FragmentDefinitionNode | null | undefined): number => {
    if (!fragment) return 0;
    const name = fragment.name.value;
    const known = counted.get(name);
    if (known !== undefined) return known;
    counted.set(name, 0);
    const count = countIn(fragment.selectionSet);
    counted.set(name, count);
    return count;
  };
  return {
    OperationDefinition(operation) {
      if (countIn(operation.selectionSet) > LIMITS.maxRootFields) {
        context.reportError(
          refusal(
            'MAX_ROOT_FIELDS',
            `An operation may select at most ${LIMITS.maxRootFields} root fields.`,
            LIMITS.maxRootFields,
          ),
        );
      }
      return false;
    },
  };
};

/**
 * Directives written in the document, each counted once wherever it stands (operation, field,
 * fragment, spread, variable): what parsing and validating a document costs grows with them.
 * Through fragments a directive runs once per place it is collected, which the cost limit and
 * the token limit bound.
 */
export const maxDirectivesRule: ValidationRule = (context): ASTVisitor => {
  let count = 0;
  return {
    Directive(node) {
      count += 1;
      if (count === LIMITS.maxDirectives + 1) {
        context.reportError(
          new GraphQLError(`A document may use at most ${LIMITS.maxDirectives} directives.`, {
            nodes: [node],
            extensions: {
              code: 'GRAPHQL_VALIDATION_FAILED',
              reason: 'MAX_DIRECTIVES',
              limit: LIMITS.maxDirectives,
            },
          }),
        );
      }
    },
  };
};

/**
 * Fields under one response name in one selection set, as graphql-js's overlapping-fields check
 * collects them: through inline fragments, and through each named fragment once per selection
 * set. Each fragment's names are counted once (memoised), so the rule is linear in the document
 * but for merging a fragment's counts where it is spread; the check it guards grows with the
 * square of these counts, and compares every pair of fragments spread side by side.
 */
export const maxSameNameFieldsRule: ValidationRule = (context): ASTVisitor => {
  type Counts = Map<string, number>;
  const byFragment = new Map<string, Counts>();
  const add = (into: Counts, key: string, n: number) => into.set(key, (into.get(key) ?? 0) + n);
  const collect = (selectionSet: SelectionSetNode, into: Counts, spread: Set<string>): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        add(into, (selection.alias ?? selection.name).value, 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        collect(selection.selectionSet, into, spread);
      } else if (!spread.has(selection.name.value)) {
        spread.add(selection.name.value);
        for (const [key, n] of countsOf(selection.name.value)) add(into, key, n);
      }
    }
  };
  const countsOf = (name: string): Counts => {
    const known = byFragment.get(name);
    if (known) return known;
    const counts: Counts = new Map();
    byFragment.set(name, counts); // a cycle counts nothing (NoFragmentCycles refuses it)
    const fragment = context.getFragment(name);
    if (fragment) collect(fragment.selectionSet, counts, new Set([name]));
    return counts;
  };
  return {
    SelectionSet(node, _key, parent) {
      // Inline fragments are counted with the selection set around them, fragments where spread.
      const kind = (parent as { kind?: Kind } | undefined)?.kind;
      if (kind !== Kind.FIELD && kind !== Kind.OPERATION_DEFINITION) return;
      const counts: Counts = new Map();
      collect(node, counts, new Set());
      for (const [key, n] of counts) {
        if (n > LIMITS.maxSameNameFields) {
          context.reportError(
            refusal(
              'MAX_SAME_NAME_FIELDS',
              `A selection may ask for "${key}" at most ${LIMITS.maxSameNameFields} times.`,
              LIMITS.maxSameNameFields,
            ),
          );
          return;
        }
      }
    },
  };
};

/** The limits as graphql-js validation rules: Apollo's `validationRules`, and graphql-ws's. */
export const limitRules: readonly ValidationRule[] = [
  ...armorRules,
  maxDirectivesRule,
  maxRootFieldsRule,
  maxSameNameFieldsRule,
];

// graphql-js 16 says "more that"; a later one may say "more than".
const TOKEN_LIMIT = /Document contains more tha[nt] \d+ tokens/;

/** A parse error of the token limit, with its reason (graphql-js gives only a message). */
export function tagTokenLimit(error: GraphQLError): GraphQLError {
  if (!TOKEN_LIMIT.test(error.message)) return error;
  return new GraphQLError(`A document may hold at most ${LIMITS.maxTokens} tokens.`, {
    source: error.source,
    positions: error.positions,
    extensions: {
      ...error.extensions,
      code: 'GRAPHQL_PARSE_FAILED',
      reason: 'MAX_TOKENS',
      limit: LIMITS.maxTokens,
    },
  });
}

/**
 * Apollo's side of the token limit: its own parse gets `parseOptions`; this names the reason of
 * the refusal. Apollo wraps the error this returns as GRAPHQL_PARSE_FAILED with its extensions.
 */
export const tokenLimitPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async parsingDidStart() {
        return async (error) => {
          if (error instanceof GraphQLError && TOKEN_LIMIT.test(error.message)) {
            const tagged = tagTokenLimit(error);
            Object.assign(error.extensions, tagged.extensions);
            error.message = tagged.message;
          }
        };
      },
    };
  },
};

/**
 * Parses and validates a document for graphql-ws: the token-limited parse, then the limits (each
 * linear in the document) and only for a document within them graphql-js's own rules, some of
 * which (OverlappingFieldsCanBeMerged) grow faster than the document. Errors carry their codes.
 */
export function checkDocument(
  schema: GraphQLSchema,
  source: string,
): DocumentNode | readonly GraphQLError[] {
  let document: DocumentNode;
  try {
    document = parse(source, parseOptions);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    const tagged = tagTokenLimit(error);
    return [
      new GraphQLError(tagged.message, {
        source: tagged.source,
        positions: tagged.positions,
        extensions: { ...tagged.extensions, code: 'GRAPHQL_PARSE_FAILED' },
      }),
    ];
  }
  const refused = validate(schema, document, limitRules);
  if (refused.length) return refused;
  const errors = validate(schema, document, specifiedRules);
  if (!errors.length) return document;
  return errors.map(
    (error) =>
      new GraphQLError(error.message, {
        nodes: error.nodes,
        extensions: { ...error.extensions, code: 'GRAPHQL_VALIDATION_FAILED' },
      }),
  );
}

/**
 * graphql-ws's parsed and validated documents by their text, bounded by the bytes they hold
 * (the text, and about twice as much again for the parsed tree), not by their number: 500
 * documents of 1 MB would be half a gigabyte. A document over a sixteenth of it is not kept.
 */
export function documentCache(maxBytes = 16 * 1024 * 1024) {
  return new LRUCache<string, DocumentNode | readonly GraphQLError[]>({
    maxSize: maxBytes,
    maxEntrySize: maxBytes / 16,
    sizeCalculation: (_checked, query) => 3 * query.length + 1024,
  });
}

/**
 * Apollo runs graphql-js's own rules in the same pass as the limits, and some of those grow
 * faster than the document: this refuses a document over the limits before Apollo sees it (as
 * `checkDocument` does for graphql-ws), with a 400 like Apollo's. Parse errors, the token limit
 * among them, are left to Apollo. Verdicts are kept by document text, in at most 4 MB.
 */
export function refuseOverLimits(
  schema: GraphQLSchema,
  format: (error: GraphQLError) => GraphQLFormattedError,
): RequestHandler {
  const verdicts = new LRUCache<string, readonly GraphQLError[]>({
    maxSize: 4 * 1024 * 1024,
    maxEntrySize: 64 * 1024,
    sizeCalculation: (_refused, query) => 2 * query.length + 64,
  });
  const refusalsOf = (query: string): readonly GraphQLError[] => {
    let document: DocumentNode;
    try {
      document = parse(query, parseOptions);
    } catch {
      return [];
    }
    return validate(schema, document, limitRules);
  };
  return (req, res, next) => {
    const query: unknown =
      req.method === 'GET' ? req.query.query : (req.body as { query?: unknown } | undefined)?.query;
    if (typeof query !== 'string') return next();
    let refused = verdicts.get(query);
    if (!refused) {
      refused = refusalsOf(query);
      verdicts.set(query, refused);
    }
    if (!refused.length) return next();
    res.status(400).json({ errors: refused.map(format) });
  };
}
