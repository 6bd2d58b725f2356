import { GraphQLError, Kind, parse, visit, type ASTNode, type ValueNode } from 'graphql';

/**
 * The input field a validation error about an inline literal points at, written like the field of a
 * bad variable (DESIGN §7: every bad input names its field), so both ways of sending a request give
 * the same `field`:
 *
 *   admitMember(input: { personal: { dateOfBirth: "1990-02-30" } })   → "personal.dateOfBirth"
 *   importMembers(rows: [{ line: 1 }])  (missing admissionDate)        → "[0].admissionDate"
 *   members(first: 1.5)                                                → "first"
 *   admitMember  (its required argument left out)                      → "input"
 *
 * graphql-js reports such errors with the AST node of the offending value but no input path; the
 * path is recovered by finding that node, by its offset, among the arguments of the request's
 * source. Returns undefined for any error that is not about an argument value (execution errors
 * carry a response `path` and are not looked at).
 */
export function literalFieldPath(error: unknown): string | undefined {
  if (!(error instanceof GraphQLError) || error.path !== undefined) return undefined;
  const target = error.nodes?.[0];
  const body = error.source?.body;
  if (!target?.loc || body === undefined) return undefined;

  if (target.kind === Kind.FIELD) return missingArgumentName(error.message);
  const found = findInArguments(body, target);
  if (found === undefined) return undefined;
  const missing = /^Field "\w+\.(\w+)" of required type "[^"]+" was not provided\./.exec(error.message)?.[1];
  return joinPath(found.below, missing) || found.argument;
}

interface ArgumentPath {
  /** The argument's name, e.g. "input". */
  readonly argument: string;
  /** The path below the argument, e.g. "personal.dateOfBirth" or "[0]"; '' for the argument's own value. */
  readonly below: string;
}

function findInArguments(body: string, target: ASTNode): ArgumentPath | undefined {
  let document;
  try {
    document = parse(body, { noLocation: false });
  } catch {
    return undefined;
  }
  const start = target.loc!.start;
  let found: ArgumentPath | undefined;
  visit(document, {
    Argument(argument) {
      if (found) return false;
      if (argument.loc?.start === start && target.kind === Kind.ARGUMENT) found = { argument: argument.name.value, below: '' };
      else {
        const below = pathTo(argument.value, target.kind, start, '');
        if (below !== undefined) found = { argument: argument.name.value, below };
      }
      return false;
    },
  });
  return found;
}

/** Depth-first search of a literal for the node of `kind` starting at `start`; its path below the argument. */
function pathTo(value: ValueNode, kind: string, start: number, path: string): string | undefined {
  if (value.kind === kind && value.loc?.start === start) return path;
  if (value.kind === Kind.OBJECT) {
    for (const field of value.fields) {
      const fieldPath = joinPath(path, field.name.value);
      if (field.kind === kind && field.loc?.start === start) return fieldPath;
      const below = pathTo(field.value, kind, start, fieldPath);
      if (below !== undefined) return below;
    }
  }
  if (value.kind === Kind.LIST) {
    for (const [index, item] of value.values.entries()) {
      const below = pathTo(item, kind, start, `${path}[${index}]`);
      if (below !== undefined) return below;
    }
  }
  return undefined;
}

function missingArgumentName(message: string): string | undefined {
  return /^Field "\w+" argument "(\w+)" of type "[^"]+" is required, but it was not provided\./.exec(message)?.[1];
}

function joinPath(path: string, name: string | undefined): string {
  if (!name) return path;
  return path ? `${path}.${name}` : name;
}

/**
 * The argument a variable is passed to, when it is passed whole to exactly one argument name
 * (`members(status: $s)` → "status"), so that an error about the whole variable names the field the
 * schema knows rather than the client's own variable name. Undefined when the variable is used under
 * several argument names, inside a literal, or the source is not at hand.
 */
export function argumentOfVariable(error: unknown, variable: string): string | undefined {
  const body = error instanceof GraphQLError ? error.source?.body : undefined;
  if (body === undefined) return undefined;
  let document;
  try {
    document = parse(body);
  } catch {
    return undefined;
  }
  const names = new Set<string>();
  visit(document, {
    Argument(argument) {
      if (argument.value.kind === Kind.VARIABLE && argument.value.name.value === variable) names.add(argument.name.value);
    },
  });
  return names.size === 1 ? [...names][0] : undefined;
}
