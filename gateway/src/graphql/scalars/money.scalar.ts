import { formatPaiseAsRupees, rupeesToPaise, ValidationError } from '@samabay/domain-kit';
import { GraphQLScalarType, Kind } from 'graphql';

/**
 * `Money`: rupees as a decimal string (issue 2 lets us choose; rupees read naturally for staff).
 * Out: exactly two decimals ("15.00") from integer paise. In: a string of digits with at most two
 * decimals ("15", "15.5", "15.50"), parsed strictly to integer paise; numbers (floats) are refused.
 * Resolvers see and return integer paise, never a float.
 */
export const MoneyScalar = new GraphQLScalarType<number, string>({
  name: 'Money',
  description: 'Rupees as a decimal string: "1234.50" out (two decimals); in, digits with at most two decimals. Stored as integer paise.',
  serialize(value) {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new TypeError('Money must be resolved as a safe integer of paise');
    return formatPaiseAsRupees(value);
  },
  parseValue(value) {
    return rupeesToPaise(value, { field: 'amount' });
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new ValidationError('amount', 'Money must be a string such as "1250.00"', 'NOT_A_NUMBER');
    return rupeesToPaise(ast.value, { field: 'amount' });
  },
});
