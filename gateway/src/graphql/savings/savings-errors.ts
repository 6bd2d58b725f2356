import { DomainError } from '@samabay/domain-kit';

/** Domain field names (paise) → the GraphQL input fields that carry them (Money, in rupees). */
const INPUT_FIELD_OF: Readonly<Record<string, string>> = {
  amountPaise: 'amount',
  instalmentPaise: 'instalment',
  countedPaise: 'counted',
  savingsDepositPaise: 'savingsDeposit',
  thriftFundPaise: 'thriftFund',
};

/**
 * The error as a client of the GraphQL API should see it: a DomainError naming a paise field of the
 * domain (amountPaise) names the input field instead (amount). Anything else is returned unchanged.
 */
export function withInputFieldName(error: unknown): unknown {
  if (!(error instanceof DomainError) || !error.field || !(error.field in INPUT_FIELD_OF)) return error;
  const field = INPUT_FIELD_OF[error.field];
  return new DomainError(error.code, error.message.split(error.field).join(field), field, error.details);
}

/** Runs a savings command, renaming the field of its rejection (see {@link withInputFieldName}). */
export async function savingsCommand<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw withInputFieldName(error);
  }
}
