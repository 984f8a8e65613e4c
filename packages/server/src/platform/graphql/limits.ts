import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

export const LIMITS = {
  maxDepth: 12,
  maxAliases: 30,
  maxRootFields: 20,
};

function depthOf(
  selectionSet: SelectionSetNode | undefined,
  fragments: Map<string, FragmentDefinitionNode>,
  seen: Set<string>,
): number {
  if (!selectionSet) return 0;
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    let depth = 0;
    if (selection.kind === Kind.FIELD) {
      depth = selection.selectionSet ? 1 + depthOf(selection.selectionSet, fragments, seen) : 1;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      depth = depthOf(selection.selectionSet, fragments, seen);
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (fragment && !seen.has(name)) {
        depth = depthOf(fragment.selectionSet, fragments, new Set([...seen, name]));
      }
    }
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

/** Refuses documents nested deeper than `maxDepth`, with too many aliases or root fields. */
export const operationLimits: ValidationRule = (context: ValidationContext): ASTVisitor => {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of context.getDocument().definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  let aliases = 0;
  return {
    Field(node) {
      if (node.alias) {
        aliases += 1;
        if (aliases === LIMITS.maxAliases + 1) {
          context.reportError(
            new GraphQLError(`A document may use at most ${LIMITS.maxAliases} aliases.`, {
              nodes: [node],
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
            }),
          );
        }
      }
    },
    OperationDefinition(node) {
      const depth = depthOf(node.selectionSet, fragments, new Set());
      if (depth > LIMITS.maxDepth) {
        context.reportError(
          new GraphQLError(
            `The operation is nested ${depth} levels deep; at most ${LIMITS.maxDepth} are allowed.`,
            {
              nodes: [node],
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
            },
          ),
        );
      }
      if (node.selectionSet.selections.length > LIMITS.maxRootFields) {
        context.reportError(
          new GraphQLError(`An operation may select at most ${LIMITS.maxRootFields} root fields.`, {
            nodes: [node],
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          }),
        );
      }
    },
  };
};
