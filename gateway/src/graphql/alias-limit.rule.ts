import { GraphQLError, Kind, type ASTNode, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * A validation rule refusing an operation with more than `maxAliases` aliased fields (DESIGN §7
 * hardening): aliases let one request repeat an expensive field many times (`a: member(…) b:
 * member(…) …`), e.g. to probe member numbers; the cost limit caps the work, this caps the fan-out.
 * Fragments are followed once per spread (a fragment cycle is left to graphql-js's NoFragmentCycles).
 */
export function aliasLimitRule(maxAliases: number): ValidationRule {
  return (context: ValidationContext) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const aliasesIn = (selectionSet: SelectionSetNode | undefined, visited: ReadonlySet<string>): number => {
      if (!selectionSet) return 0;
      let count = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          count += (selection.alias ? 1 : 0) + aliasesIn(selection.selectionSet, visited);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          count += aliasesIn(selection.selectionSet, visited);
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (fragment && !visited.has(name)) count += aliasesIn(fragment.selectionSet, new Set([...visited, name]));
        }
      }
      return count;
    };
    return {
      OperationDefinition(node: ASTNode) {
        if (node.kind !== Kind.OPERATION_DEFINITION) return;
        const aliases = aliasesIn(node.selectionSet, new Set());
        if (aliases > maxAliases) {
          context.reportError(new GraphQLError(`the operation uses ${aliases} aliases; at most ${maxAliases} are allowed`, { nodes: [node], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
        }
      },
    };
  };
}
