import { isValidIsoDate, parseIsoDate, ValidationError } from '@samabay/domain-kit';
import { GraphQLScalarType, Kind } from 'graphql';

/**
 * `Date`: a calendar date written YYYY-MM-DD (business dates are Asia/Kolkata dates). Parsing is
 * strict: exactly that shape, and impossible days (2011-02-31) are refused with ValidationError
 * BAD_DATE; the message never repeats the value (it may be a date of birth).
 */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD (Asia/Kolkata for business dates). Impossible days are rejected.',
  serialize(value) {
    if (!isValidIsoDate(value)) throw new TypeError('Date must be resolved as YYYY-MM-DD');
    return value;
  },
  parseValue(value) {
    return parseIsoDate(value, 'date');
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new ValidationError('date', 'a date must be a string written YYYY-MM-DD', 'BAD_DATE');
    return parseIsoDate(ast.value, 'date');
  },
});
