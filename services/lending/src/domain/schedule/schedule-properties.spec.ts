import type { PaiseRounding } from '@samabay/domain-kit';
import { SeededRandom } from '../../testing/seeded-random';
import { fromEpochDay } from '../calendar';
import type { AmortizationMethod, DayCountConvention, RepaymentFrequency, RoundingUnit } from '../product/loan-product';
import { generateSchedule, type ScheduleRequest } from './generate-schedule';

const METHODS: readonly AmortizationMethod[] = ['EMI_DECLINING', 'EQUAL_PRINCIPAL_DECLINING', 'FLAT'];
const FREQUENCIES: readonly RepaymentFrequency[] = ['MONTHLY', 'FORTNIGHTLY', 'WEEKLY'];
const DAY_COUNTS: readonly DayCountConvention[] = ['ACTUAL_365', 'THIRTY_360'];
const UNITS: readonly RoundingUnit[] = ['PAISA', 'RUPEE'];
const MODES: readonly PaiseRounding[] = ['HALF_UP', 'HALF_EVEN', 'UP', 'DOWN'];
const CASES_PER_COMBINATION = 40;

function randomRequest(random: SeededRandom, method: AmortizationMethod, frequency: RepaymentFrequency, unit: RoundingUnit): ScheduleRequest {
  const numberOfInstalments = random.integer(1, frequency === 'MONTHLY' ? 120 : 260);
  const magnitude = random.integer(0, 3);
  const principalPaise = random.integer(1, [1_000, 100_000, 10_000_000, 5_000_000_000][magnitude]);
  const principalGrace = random.next() < 0.3 ? random.integer(0, numberOfInstalments - 1) : 0;
  const interestGrace = random.next() < 0.2 ? random.integer(0, numberOfInstalments) : 0;
  const per = random.pick(['YEAR', 'MONTH'] as const);
  const ratePercent = per === 'YEAR' ? `${random.integer(0, 36)}.${random.integer(0, 9999)}` : `${random.integer(0, 3)}.${random.integer(0, 99)}`;
  // any real date from 2000 to 2040, month ends included (2000-01-01 is epoch day 10957)
  const startDate = fromEpochDay(random.integer(10_957, 25_567));
  return {
    principalPaise,
    rate: { ratePercent, per },
    numberOfInstalments,
    startDate,
    terms: {
      amortization: method,
      frequency,
      dayCount: random.pick(DAY_COUNTS),
      rounding: { mode: random.pick(MODES), unit },
      grace: { principalInstalments: principalGrace, interestInstalments: interestGrace },
    },
  };
}

describe('generateSchedule: properties (seeded, every method × frequency × rounding unit)', () => {
  const combinations = METHODS.flatMap((method) => FREQUENCIES.flatMap((frequency) => UNITS.map((unit) => [method, frequency, unit] as const)));

  it.each(combinations)('%s %s %s: principal sums to the amount, the balance ends at 0, nothing negative', (method, frequency, unit) => {
    const random = new SeededRandom(combinations.findIndex((c) => c[0] === method && c[1] === frequency && c[2] === unit) + 20240401);
    for (let run = 0; run < CASES_PER_COMBINATION; run += 1) {
      const request = randomRequest(random, method, frequency, unit);
      const { instalments, totalPrincipalPaise } = generateSchedule(request);
      const problems: string[] = [];
      if (totalPrincipalPaise !== request.principalPaise) problems.push(`principal sums to ${totalPrincipalPaise}`);
      if (instalments[instalments.length - 1].balanceAfterPaise !== 0) problems.push('final balance is not 0');
      if (instalments.length > request.numberOfInstalments) problems.push('more instalments than the term');
      let balance = request.principalPaise;
      instalments.forEach((instalment, index) => {
        balance -= instalment.principalPaise;
        if (instalment.number !== index + 1) problems.push(`instalment ${index} is numbered ${instalment.number}`);
        if (!Number.isSafeInteger(instalment.principalPaise) || instalment.principalPaise < 0) problems.push(`principal of ${instalment.number}`);
        if (!Number.isSafeInteger(instalment.interestPaise) || instalment.interestPaise < 0) problems.push(`interest of ${instalment.number}`);
        if (instalment.balanceAfterPaise !== balance) problems.push(`balance after ${instalment.number}`);
        if (index > 0 && instalment.dueDate <= instalments[index - 1].dueDate) problems.push(`due date of ${instalment.number}`);
        if (index < request.terms.grace.principalInstalments && instalment.principalPaise !== 0) problems.push(`principal in grace at ${instalment.number}`);
        if (index < request.terms.grace.interestInstalments && instalment.interestPaise !== 0) problems.push(`interest in grace at ${instalment.number}`);
      });
      expect({ request, problems }).toEqual({ request, problems: [] });
    }
  });

  it('the same request always gives the same schedule (no hidden state)', () => {
    const request = randomRequest(new SeededRandom(7), 'EMI_DECLINING', 'WEEKLY', 'RUPEE');
    expect(generateSchedule(request)).toEqual(generateSchedule(request));
  });
});
