import { instalment } from '../../testing/instalments';
import { allocateToDues } from './allocation-strategy';

describe('allocateToDues', () => {
  // Instalment 1 overdue (200 principal + 20 interest), instalment 2 due today (200 + 20), 3 not yet due.
  const instalments = [
    instalment(1, '2024-01-31', 20_000, 2_000),
    instalment(2, '2024-02-29', 20_000, 2_000),
    instalment(3, '2024-03-31', 20_000, 2_000),
  ];

  it('RBI order (issue 5): a payment of 40 pays 20 + 20 interest and no principal', () => {
    expect(allocateToDues(instalments, '2024-02-29', 4_000, 'RBI')).toEqual({
      allocations: [
        { instalmentNumber: 1, principalPaise: 0, interestPaise: 2_000, penaltyPaise: 0 },
        { instalmentNumber: 2, principalPaise: 0, interestPaise: 2_000, penaltyPaise: 0 },
      ],
      remainingPaise: 0,
    });
  });

  it("standard (Fineract) order: a payment of 40 pays instalment 1's 20 interest, then 20 of its principal", () => {
    expect(allocateToDues(instalments, '2024-02-29', 4_000, 'STANDARD')).toEqual({
      allocations: [{ instalmentNumber: 1, principalPaise: 2_000, interestPaise: 2_000, penaltyPaise: 0 }],
      remainingPaise: 0,
    });
  });

  it('RBI order takes penalties last; the standard order takes each instalment\'s penalty first', () => {
    const withPenalty = [instalment(1, '2024-01-31', 20_000, 2_000, { penaltyPaise: 500 }), instalment(2, '2024-02-29', 20_000, 2_000)];
    expect(allocateToDues(withPenalty, '2024-02-29', 44_000, 'RBI').allocations).toEqual([
      { instalmentNumber: 1, principalPaise: 20_000, interestPaise: 2_000, penaltyPaise: 0 },
      { instalmentNumber: 2, principalPaise: 20_000, interestPaise: 2_000, penaltyPaise: 0 },
    ]);
    expect(allocateToDues(withPenalty, '2024-02-29', 1_000, 'STANDARD').allocations).toEqual([
      { instalmentNumber: 1, principalPaise: 0, interestPaise: 500, penaltyPaise: 500 },
    ]);
  });

  it('never touches instalments not yet due and returns what is left', () => {
    const result = allocateToDues(instalments, '2024-02-29', 50_000, 'RBI');
    expect(result.allocations.map((allocation) => allocation.instalmentNumber)).toEqual([1, 2]);
    expect(result.remainingPaise).toBe(50_000 - 44_000);
  });

  it('skips what is already paid', () => {
    const partlyPaid = [instalment(1, '2024-01-31', 20_000, 2_000, { paidInterestPaise: 2_000, paidPrincipalPaise: 5_000 }), instalment(2, '2024-02-29', 20_000, 2_000)];
    expect(allocateToDues(partlyPaid, '2024-02-29', 4_000, 'RBI').allocations).toEqual([
      { instalmentNumber: 1, principalPaise: 2_000, interestPaise: 0, penaltyPaise: 0 },
      { instalmentNumber: 2, principalPaise: 0, interestPaise: 2_000, penaltyPaise: 0 },
    ]);
  });
});
