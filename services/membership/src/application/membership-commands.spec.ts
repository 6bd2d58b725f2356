import {
  CommandHandler,
  DomainError,
  InMemoryEventStore,
  InMemoryIdempotencyStore,
  type CommandContext,
  type CommandOutcome,
} from '@samabay/domain-kit';
import type { MembershipProducts } from '../domain/membership-products';
import { InMemoryPersonalDataVault } from '../testing/in-memory-personal-data-vault';
import { DEFAULT_BRANCHES } from './default-branches';
import { MembershipCommandService } from './membership-commands';
import { reapplyForgottenMembers } from './reapply-forgets';
import type { AdmitMemberInput, ImportMemberInput } from './membership-inputs';
import type { OpenDuesLookup } from './open-dues';
import { noExitStanding } from './member-exit-standing';

const products: MembershipProducts = [{ effectiveFrom: '1995-01-01', terms: { admissionFeePaise: 500, shareFaceValuePaise: 1000, minimumShares: 1, maxSharesPerMember: 10_000, minimumAgeYears: 18 } }];
/** 2026-11-29 18:00 in Kolkata. */
const clock = (): Date => new Date('2026-11-29T12:30:00Z');

let keyCounter = 0;
const context = (overrides: Partial<CommandContext> = {}): CommandContext => ({
  idempotencyKey: `test-key-${++keyCounter}`,
  businessDate: '2026-11-29',
  actor: { userId: 'staff-1', role: 'head_office', branchCode: 'SNG' },
  ...overrides,
});

const admission: AdmitMemberInput = {
  branchCode: 'SNG',
  personal: { fullName: 'Synthetic Member', dateOfBirth: '1985-04-12', phone: '9800000002', locality: 'Synthetic Lane' },
  nominee: { name: 'Synthetic Nominee', relation: 'sister' },
  shares: 1,
};

const legacyRow: ImportMemberInput = {
  memberNo: 'KLG-000042',
  branchCode: 'KLG',
  admissionDate: '1999-06-02',
  personal: { fullName: 'Purnima Testdas', dateOfBirth: '1967-04-28', phone: null, locality: 'Old Road' },
  nominee: { name: 'Legacy Heir', relation: 'mother' },
  sharesHeld: 20,
  status: 'ACTIVE',
};

async function setup(options: { openDues?: OpenDuesLookup; onOutcome?: (outcome: CommandOutcome) => void } = {}) {
  const store = new InMemoryEventStore();
  const vault = new InMemoryPersonalDataVault();
  const handler = new CommandHandler({ store, idempotency: new InMemoryIdempotencyStore(), clock, onOutcome: options.onOutcome });
  const retention = [{ effectiveFrom: '1995-01-01', terms: { yearsAfterExit: 5 } }];
  const commands = new MembershipCommandService({ handler, vault, products, retention, clock, openDues: options.openDues ?? (async () => []), exitStanding: noExitStanding });
  await commands.ensureBranches(DEFAULT_BRANCHES, context({ idempotencyKey: 'ensure-default-branches' }));
  const eventCount = async (): Promise<number> => (await store.readAll()).length;
  return { store, vault, commands, eventCount };
}

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a rejection, but the command was accepted');
}

describe('ensureBranches', () => {
  it('opens SNG, KLG and DHT once, and again changes nothing whatever the key', async () => {
    const { store, commands, eventCount } = await setup();
    expect((await store.readStream('branch-SNG')).map((event) => event.data)).toEqual([{ branchCode: 'SNG', name: 'Sonagachi (head office)' }]);
    const before = await eventCount();
    expect(await commands.ensureBranches(DEFAULT_BRANCHES, context({ idempotencyKey: 'ensure-default-branches' }))).toEqual(
      DEFAULT_BRANCHES.map(({ code }) => ({ code, opened: true })),
    );
    expect(await commands.ensureBranches(DEFAULT_BRANCHES, context())).toEqual(DEFAULT_BRANCHES.map(({ code }) => ({ code, opened: false })));
    expect(await eventCount()).toBe(before);
  });

  it('opens a further branch with openBranch and rejects a second opening', async () => {
    const { commands } = await setup();
    const opened = await commands.openBranch({ branchCode: 'HWH', name: 'Howrah' }, context());
    expect(opened.events).toEqual([{ type: 'BranchOpened', data: { branchCode: 'HWH', name: 'Howrah' } }]);
    expect((await rejection(commands.openBranch({ branchCode: 'HWH', name: 'Howrah' }, context()))).code).toBe('BRANCH_ALREADY_OPEN');
  });
});

describe('admitMember', () => {
  it('numbers members per branch and takes Rs 15 for one share', async () => {
    const { commands } = await setup();
    const first = await commands.admitMember(admission, context());
    const second = await commands.admitMember({ ...admission, shares: 3 }, context());
    const elsewhere = await commands.admitMember({ ...admission, branchCode: 'DHT' }, context());
    expect([first.memberNo, second.memberNo, elsewhere.memberNo]).toEqual(['SNG-000001', 'SNG-000002', 'DHT-000001']);
    expect(first.streamId).toBe('member-SNG-000001');
    expect(first.events[0].type).toBe('MemberAdmitted');
    expect(first.events[0].data).toMatchObject({ shares: 1, admissionFeePaise: 500, shareCapitalPaise: 1000, amountCollectedPaise: 1500, admissionDate: '2026-11-29' });
    expect(second.events[0].data).toMatchObject({ shares: 3, shareCapitalPaise: 3000, amountCollectedPaise: 3500 });
    expect(first.replayed).toBe(false);
    expect(first.position).not.toBeNull();
  });

  it('never writes personal data in plaintext to any event', async () => {
    const { store, commands } = await setup();
    await commands.admitMember(admission, context());
    await commands.importMember(legacyRow, context());
    await commands.changeNominee({ memberNo: 'SNG-000001', nominee: { name: 'Another Nominee', relation: 'friend' } }, context());
    const everything = JSON.stringify((await store.readAll()).map(({ type, data, metadata }) => ({ type, data, metadata })));
    for (const secret of ['Synthetic', '1985-04-12', '9800000002', 'Lane', 'sister', 'Purnima', '1967-04-28', 'Old Road', 'Heir', 'Another', 'friend']) {
      expect(everything).not.toContain(secret);
    }
  });

  it('seals personal data under the member number, openable by the vault', async () => {
    const { store, vault, commands } = await setup();
    await commands.admitMember(admission, context());
    const [admitted] = await store.readStream('member-SNG-000001');
    const data = admitted.data as { personal: never; nominee: never };
    expect(await vault.open('SNG-000001', data.personal)).toEqual({ fullName: 'Synthetic Member', dateOfBirth: '1985-04-12', phone: '9800000002', locality: 'Synthetic Lane' });
    expect(await vault.open('SNG-000001', data.nominee)).toEqual({ name: 'Synthetic Nominee', relation: 'sister' });
  });

  it('uses the member branch and business date in the envelope', async () => {
    const { store, commands } = await setup();
    await commands.admitMember({ ...admission, branchCode: 'KLG' }, context({ businessDate: '2026-11-20' }));
    const [admitted] = await store.readStream('member-KLG-000001');
    expect(admitted.metadata).toMatchObject({ branchCode: 'KLG', businessDate: '2026-11-20', actor: 'staff-1' });
  });

  it('answers a repeated idempotency key with the first answer and appends nothing', async () => {
    const { commands, eventCount } = await setup();
    const key = context();
    const first = await commands.admitMember(admission, key);
    const count = await eventCount();
    const again = await commands.admitMember({ ...admission, personal: { ...admission.personal, fullName: '  Synthetic Member ' } }, key);
    expect(again).toMatchObject({ replayed: true, memberNo: first.memberNo, eventIds: first.eventIds, nextExpectedRevision: 0 });
    expect(await eventCount()).toBe(count);
  });

  it('rejects a reused key with another payload and appends nothing', async () => {
    const { commands, eventCount } = await setup();
    const key = context();
    await commands.admitMember(admission, key);
    const count = await eventCount();
    const error = await rejection(commands.admitMember({ ...admission, shares: 2 }, key));
    expect([error.code, error.field]).toEqual(['IDEMPOTENCY_KEY_REUSED', 'idempotencyKey']);
    expect(await eventCount()).toBe(count);
  });

  it('finishes an admission whose first attempt failed after reserving the number, with the same number', async () => {
    const { store, vault, commands } = await setup();
    const key = context();
    vault.failNextSeals(1);
    await expect(commands.admitMember(admission, key)).rejects.toThrow('vault unavailable');
    const retried = await commands.admitMember(admission, key);
    expect(retried.memberNo).toBe('SNG-000001');
    expect(retried.replayed).toBe(false);
    expect((await store.readStream('branch-SNG')).filter((event) => event.type === 'MemberNumberReserved')).toHaveLength(1);
    expect((await commands.admitMember(admission, context())).memberNo).toBe('SNG-000002');
  });

  it.each<[string, Partial<AdmitMemberInput>, Partial<CommandContext>, string, string]>([
    ['zero shares', { shares: 0 }, {}, 'INVALID_SHARES', 'shares'],
    ['negative shares', { shares: -3 }, {}, 'INVALID_SHARES', 'shares'],
    ['fractional shares', { shares: 1.5 }, {}, 'INVALID_SHARES', 'shares'],
    ['a blank name', { personal: { ...admission.personal, fullName: '   ' } }, {}, 'EMPTY_NAME', 'personal.fullName'],
    ['an impossible date of birth', { personal: { ...admission.personal, dateOfBirth: '1985-02-30' } }, {}, 'BAD_DATE', 'personal.dateOfBirth'],
    ['admission before birth', { personal: { ...admission.personal, dateOfBirth: '2026-12-01' } }, {}, 'ADMITTED_BEFORE_BIRTH', 'personal.dateOfBirth'],
    ['a business date after today', {}, { businessDate: '2026-11-30' }, 'BUSINESS_DATE_IN_FUTURE', 'businessDate'],
    ['an impossible business date', {}, { businessDate: '2026-02-29' }, 'BAD_DATE', 'businessDate'],
    ['an unknown branch', { branchCode: 'XYZ' }, {}, 'BRANCH_NOT_FOUND', 'branchCode'],
    ['a malformed branch code', { branchCode: 'sng' }, {}, 'INVALID_BRANCH_CODE', 'branchCode'],
    ['a malformed member number', { memberNo: 'SNG-12' }, {}, 'INVALID_MEMBER_NO', 'memberNo'],
    ['a member number of another branch', { memberNo: 'KLG-000500' }, {}, 'MEMBER_NO_BRANCH_MISMATCH', 'memberNo'],
    ['a bad phone number', { personal: { ...admission.personal, phone: '12345' } }, {}, 'INVALID_PHONE', 'personal.phone'],
    ['a nominee without relation', { nominee: { name: 'Someone', relation: ' ' } }, {}, 'EMPTY_RELATION', 'nominee.relation'],
    ['a NUL in the name', { personal: { ...admission.personal, fullName: 'A\u0000B' } }, {}, 'INVALID_CHARACTERS', 'personal.fullName'],
    ['a C1 control character in the name', { personal: { ...admission.personal, fullName: 'Synthetic\u009bMember' } }, {}, 'INVALID_CHARACTERS', 'personal.fullName'],
    ['a NUL in the phone', { personal: { ...admission.personal, phone: '980000\u00000002' } }, {}, 'INVALID_CHARACTERS', 'personal.phone'],
    ['a NUL in the locality', { personal: { ...admission.personal, locality: 'Synthetic\u0000Lane' } }, {}, 'INVALID_CHARACTERS', 'personal.locality'],
    ['a NUL in the nominee name', { nominee: { name: 'Some\u0000one', relation: 'sister' } }, {}, 'INVALID_CHARACTERS', 'nominee.name'],
    ['a NUL in the nominee relation', { nominee: { name: 'Someone', relation: 'sis\u0000ter' } }, {}, 'INVALID_CHARACTERS', 'nominee.relation'],
    ['a name of a zero-width space only', { personal: { ...admission.personal, fullName: ' \u200b ' } }, {}, 'EMPTY_NAME', 'personal.fullName'],
    ['a nominee name of invisible characters only', { nominee: { name: '\u200b\ufeff', relation: 'sister' } }, {}, 'EMPTY_NAME', 'nominee.name'],
    ['2147483647 shares (above the limit of 10,000 a member)', { shares: 2_147_483_647 }, {}, 'SHARES_ABOVE_LIMIT', 'shares'],
  ])('rejects %s naming the field, appending, keying and sealing nothing', async (_label, change, contextChange, code, field) => {
    const { vault, commands, eventCount } = await setup();
    const before = await eventCount();
    const error = await rejection(commands.admitMember({ ...admission, ...change }, context(contextChange)));
    expect([error.code, error.field]).toEqual([code, field]);
    expect(await eventCount()).toBe(before);
    expect(vault.sealCount).toBe(0);
    expect(vault.hasKey('SNG-000001')).toBe(false);
  });

  it('stores personal text in Unicode NFC, so a decomposed retry of the same name is the same command', async () => {
    const { store, vault, commands } = await setup();
    const key = context();
    const decomposed = { ...admission, personal: { ...admission.personal, fullName: 'Jose\u0301 Synthe\u0301tique' }, nominee: { name: 'Ame\u0301lie Test', relation: 'sister' } };
    const first = await commands.admitMember(decomposed, key);
    const [admitted] = await store.readStream(`member-${first.memberNo}`);
    const data = admitted.data as { personal: never; nominee: never };
    expect(await vault.open(first.memberNo, data.personal)).toMatchObject({ fullName: 'Jos\u00e9 Synth\u00e9tique' });
    expect(await vault.open(first.memberNo, data.nominee)).toEqual({ name: 'Am\u00e9lie Test', relation: 'sister' });
    const precomposed = { ...decomposed, personal: { ...decomposed.personal, fullName: 'Jos\u00e9 Synth\u00e9tique' } };
    expect((await commands.admitMember(precomposed, key)).replayed).toBe(true);
  });

  it('rejects a retry with the same key but other personal data at the member step, with the number it had reserved', async () => {
    const { store, commands, eventCount } = await setup();
    const key = context();
    await commands.admitMember(admission, key);
    const count = await eventCount();
    for (const other of [
      { ...admission, personal: { ...admission.personal, fullName: 'Another Synthetic' } },
      { ...admission, personal: { ...admission.personal, dateOfBirth: '1985-04-13' } },
      { ...admission, nominee: { name: 'Synthetic Nominee', relation: 'brother' } },
      { ...admission, nominee: null },
    ]) {
      const error = await rejection(commands.admitMember(other, key));
      expect([error.code, error.field]).toEqual(['IDEMPOTENCY_KEY_REUSED', 'idempotencyKey']);
    }
    expect(await eventCount()).toBe(count);
    expect((await store.readStream('branch-SNG')).filter((event) => event.type === 'MemberNumberReserved')).toHaveLength(1);
  });

  it('rejects the same key on another business date (the date decides fee and share price)', async () => {
    const { commands, eventCount } = await setup();
    await commands.admitMember(admission, context({ idempotencyKey: 'same-key-other-day', businessDate: '2026-11-28' }));
    const count = await eventCount();
    const error = await rejection(commands.admitMember(admission, context({ idempotencyKey: 'same-key-other-day', businessDate: '2026-11-29' })));
    expect([error.code, error.field]).toEqual(['IDEMPOTENCY_KEY_REUSED', 'idempotencyKey']);
    expect(await eventCount()).toBe(count);
  });

  it('reports the number reservation to metrics as ReserveMemberNumber, not as a second AdmitMember', async () => {
    const outcomes: CommandOutcome[] = [];
    const { commands } = await setup({ onOutcome: (outcome) => outcomes.push(outcome) });
    outcomes.length = 0;
    await commands.admitMember(admission, context());
    expect(outcomes.map((outcome) => [outcome.commandType, outcome.result])).toEqual([
      ['ReserveMemberNumber', 'accepted'],
      ['AdmitMember', 'accepted'],
    ]);
  });

  it('keeps numbering automatically after an explicit high number such as DHT-999999', async () => {
    const { commands } = await setup();
    expect((await commands.admitMember({ ...admission, branchCode: 'DHT' }, context())).memberNo).toBe('DHT-000001');
    expect((await commands.admitMember({ ...admission, branchCode: 'DHT', memberNo: 'DHT-999999' }, context())).memberNo).toBe('DHT-999999');
    expect((await commands.admitMember({ ...admission, branchCode: 'DHT' }, context())).memberNo).toBe('DHT-000002');
  });

  it('takes an explicit free number and rejects it the second time', async () => {
    const { commands, eventCount } = await setup();
    expect((await commands.admitMember({ ...admission, memberNo: 'SNG-000123' }, context())).memberNo).toBe('SNG-000123');
    const before = await eventCount();
    const error = await rejection(commands.admitMember({ ...admission, memberNo: 'SNG-000123' }, context()));
    expect([error.code, error.field]).toEqual(['DUPLICATE_MEMBER_NUMBER', 'memberNo']);
    expect(await eventCount()).toBe(before);
    expect((await commands.admitMember(admission, context())).memberNo).toBe('SNG-000124');
  });

  it('never leaks personal data in a rejection message', async () => {
    const { commands } = await setup();
    const error = await rejection(commands.admitMember({ ...admission, personal: { ...admission.personal, dateOfBirth: '2026-12-01' } }, context()));
    expect(error.message).not.toContain('2026-12-01');
    expect(error.message).not.toContain('Synthetic');
  });
});

describe('importMember', () => {
  it('registers the member with its own number, historical date as business date, and no fee', async () => {
    const { store, commands } = await setup();
    const accepted = await commands.importMember(legacyRow, context());
    expect(accepted.memberNo).toBe('KLG-000042');
    expect(accepted.events.map((event) => event.type)).toEqual(['MemberRegisteredFromLegacyRegister']);
    expect(accepted.events[0].data).toMatchObject({ admissionDate: '1999-06-02', sharesHeld: 20, shareFaceValuePaise: 1000, shareCapitalPaise: 20000 });
    expect(accepted.events[0].data).not.toHaveProperty('admissionFeePaise');
    const [registered] = await store.readStream('member-KLG-000042');
    expect(registered.metadata).toMatchObject({ businessDate: '1999-06-02', branchCode: 'KLG' });
  });

  it('carries an EXITED status forward', async () => {
    const { commands } = await setup();
    const accepted = await commands.importMember({ ...legacyRow, status: 'EXITED' }, context());
    expect(accepted.events.map((event) => event.type)).toEqual(['MemberRegisteredFromLegacyRegister', 'MemberStatusCarriedForward']);
    expect(accepted.nextExpectedRevision).toBe(1);
  });

  it('imports the same row twice with the same key: replayed, nothing new', async () => {
    const { commands, eventCount } = await setup();
    const key = context();
    await commands.importMember(legacyRow, key);
    const count = await eventCount();
    expect((await commands.importMember(legacyRow, key)).replayed).toBe(true);
    expect(await eventCount()).toBe(count);
  });

  it('remembers nothing of a rejected row: the same key with the corrected row is accepted', async () => {
    const { commands } = await setup();
    await commands.importMember(legacyRow, context());
    const key = context();
    expect((await rejection(commands.importMember({ ...legacyRow, branchCode: 'SNG' }, key))).code).toBe('DUPLICATE_MEMBER_NUMBER');
    const corrected = await commands.importMember({ ...legacyRow, memberNo: 'SNG-000042', branchCode: 'SNG' }, key);
    expect([corrected.memberNo, corrected.replayed]).toEqual(['SNG-000042', false]);
  });

  it('continues automatic numbering after the highest imported number', async () => {
    const { commands } = await setup();
    await commands.importMember(legacyRow, context());
    expect((await commands.admitMember({ ...admission, branchCode: 'KLG' }, context())).memberNo).toBe('KLG-000043');
  });

  it.each<[string, Partial<ImportMemberInput>, string, string]>([
    ['a duplicate member number', {}, 'DUPLICATE_MEMBER_NUMBER', 'memberNo'],
    ['an unknown branch (even with a foreign prefix)', { memberNo: 'KLG-000091', branchCode: 'XYZ' }, 'BRANCH_NOT_FOUND', 'branchCode'],
    ['a number of another branch', { memberNo: 'KLG-000099', branchCode: 'SNG' }, 'MEMBER_NO_BRANCH_MISMATCH', 'memberNo'],
    ['a number another branch already gave a member', { branchCode: 'SNG' }, 'DUPLICATE_MEMBER_NUMBER', 'memberNo'],
    ['zero shares', { memberNo: 'KLG-000107', sharesHeld: 0 }, 'INVALID_SHARES', 'sharesHeld'],
    ['an impossible admission date', { memberNo: 'KLG-000010', admissionDate: '2011-02-31' }, 'BAD_DATE', 'admissionDate'],
    ['admission before birth', { memberNo: 'KLG-000005', personal: { ...legacyRow.personal, dateOfBirth: '2030-01-01' } }, 'ADMITTED_BEFORE_BIRTH', 'personal.dateOfBirth'],
    ['a blank name', { memberNo: 'KLG-000047', personal: { ...legacyRow.personal, fullName: '   ' } }, 'EMPTY_NAME', 'personal.fullName'],
    ['an unknown status', { memberNo: 'KLG-000093', status: 'SUSPENDED' as never }, 'INVALID_STATUS', 'status'],
    ['an admission date after today', { memberNo: 'KLG-000200', admissionDate: '2026-11-30' }, 'BUSINESS_DATE_IN_FUTURE', 'admissionDate'],
    ['a holding above the limit of 10,000 shares', { memberNo: 'KLG-000201', sharesHeld: 10_001 }, 'SHARES_ABOVE_LIMIT', 'sharesHeld'],
    ['a NUL in the name', { memberNo: 'KLG-000202', personal: { ...legacyRow.personal, fullName: 'Purnima\u0000Testdas' } }, 'INVALID_CHARACTERS', 'personal.fullName'],
  ])('rejects %s, appending nothing', async (_label, change, code, field) => {
    const { commands, eventCount } = await setup();
    await commands.importMember(legacyRow, context());
    const before = await eventCount();
    const error = await rejection(commands.importMember({ ...legacyRow, ...change }, context()));
    expect([error.code, error.field]).toEqual([code, field]);
    expect(await eventCount()).toBe(before);
  });
});

describe('purchaseShares, changeNominee, exitMember', () => {
  it('buys shares, changes the nominee and exits with the share capital refunded', async () => {
    const { commands } = await setup();
    const { memberNo } = await commands.admitMember(admission, context({ businessDate: '2026-11-01' }));
    const bought = await commands.purchaseShares({ memberNo, shares: 4 }, context());
    expect(bought.events[0].data).toMatchObject({ sharesPurchased: 4, amountPaise: 4000, sharesHeld: 5, shareCapitalPaise: 5000 });
    const changed = await commands.changeNominee({ memberNo, nominee: { name: 'New Heir', relation: 'son' } }, context());
    expect(changed.events[0].type).toBe('NomineeChanged');
    const exited = await commands.exitMember({ memberNo }, context());
    expect(exited.events[0].data).toEqual({ memberNo, exitDate: '2026-11-29', sharesRefunded: 5, shareCapitalRefundedPaise: 5000, sharesHeld: 0, shareCapitalPaise: 0 });
    expect(exited.nextExpectedRevision).toBe(3);
    const error = await rejection(commands.purchaseShares({ memberNo, shares: 1 }, context()));
    expect([error.code, error.field]).toEqual(['MEMBER_EXITED', 'memberNo']);
  });

  it('asks the open-dues seam before an exit and refuses while dues are open', async () => {
    const asked: string[] = [];
    const { commands, eventCount } = await setup({
      openDues: async (memberNo) => {
        asked.push(memberNo);
        return [{ kind: 'loan', reference: 'loan-SNG-000001-1' }];
      },
    });
    const { memberNo } = await commands.admitMember(admission, context());
    const before = await eventCount();
    const error = await rejection(commands.exitMember({ memberNo }, context()));
    expect([error.code, error.field]).toEqual(['OPEN_DUES', 'memberNo']);
    expect(asked).toEqual([memberNo]);
    expect(await eventCount()).toBe(before);
  });

  it('rejects commands for an unknown member and a malformed member number', async () => {
    const { commands, eventCount } = await setup();
    const before = await eventCount();
    expect((await rejection(commands.purchaseShares({ memberNo: 'SNG-000999', shares: 1 }, context()))).code).toBe('MEMBER_NOT_FOUND');
    expect((await rejection(commands.exitMember({ memberNo: 'SNG-000999' }, context()))).code).toBe('MEMBER_NOT_FOUND');
    expect((await rejection(commands.changeNominee({ memberNo: 'bogus', nominee: { name: 'A', relation: 'b' } }, context()))).code).toBe('INVALID_MEMBER_NO');
    expect(await eventCount()).toBe(before);
  });

  it('rejects a blank nominee before sealing anything', async () => {
    const { vault, commands } = await setup();
    const { memberNo } = await commands.admitMember(admission, context());
    const seals = vault.sealCount;
    const error = await rejection(commands.changeNominee({ memberNo, nominee: { name: ' ', relation: 'son' } }, context()));
    expect([error.code, error.field]).toEqual(['EMPTY_NAME', 'nominee.name']);
    expect(vault.sealCount).toBe(seals);
  });

  it('rejects a purchase that would take the holding above 10,000 shares, appending nothing', async () => {
    const { commands, eventCount } = await setup();
    const { memberNo } = await commands.admitMember({ ...admission, shares: 10 }, context());
    const before = await eventCount();
    for (const shares of [9_991, 2_147_483_647]) {
      const error = await rejection(commands.purchaseShares({ memberNo, shares }, context()));
      expect([error.code, error.field]).toEqual(['SHARES_ABOVE_LIMIT', 'shares']);
    }
    expect(await eventCount()).toBe(before);
    expect((await commands.purchaseShares({ memberNo, shares: 9_990 }, context())).events[0].data).toMatchObject({ sharesHeld: 10_000 });
  });

  it('rejects a nominee change for an unknown member without making a data key for it', async () => {
    const { vault, commands, eventCount } = await setup();
    const before = await eventCount();
    const error = await rejection(commands.changeNominee({ memberNo: 'SNG-000999', nominee: { name: 'Synthetic Heir', relation: 'son' } }, context()));
    expect([error.code, error.field]).toEqual(['MEMBER_NOT_FOUND', 'memberNo']);
    expect(vault.hasKey('SNG-000999')).toBe(false);
    expect(vault.sealCount).toBe(0);
    expect(await eventCount()).toBe(before);
  });

  it('rejects a nominee change with a control character before sealing anything', async () => {
    const { vault, commands } = await setup();
    const { memberNo } = await commands.admitMember(admission, context());
    const seals = vault.sealCount;
    const error = await rejection(commands.changeNominee({ memberNo, nominee: { name: 'New\u0000Heir', relation: 'son' } }, context()));
    expect([error.code, error.field]).toEqual(['INVALID_CHARACTERS', 'nominee.name']);
    expect(vault.sealCount).toBe(seals);
  });

  it('rejects fractional shares bought', async () => {
    const { commands } = await setup();
    const { memberNo } = await commands.admitMember(admission, context());
    const error = await rejection(commands.purchaseShares({ memberNo, shares: 0.5 }, context()));
    expect([error.code, error.field]).toEqual(['INVALID_SHARES', 'shares']);
  });
});

describe('requestForgetMember / approveForgetMember', () => {
  const maker = (overrides: Partial<CommandContext> = {}) => context({ actor: { userId: 'ho-maker', role: 'head_office', branchCode: 'SNG' }, ...overrides });
  const checker = (overrides: Partial<CommandContext> = {}) => context({ actor: { userId: 'ho-checker', role: 'head_office', branchCode: 'SNG' }, ...overrides });

  /** A member admitted in 2010 who exited on `exitDate`, with her sealed admission data. */
  async function exitedMember(exitDate = '2020-06-15') {
    const built = await setup();
    const { memberNo } = await built.commands.admitMember(admission, context({ businessDate: '2010-01-04' }));
    await built.commands.exitMember({ memberNo }, context({ businessDate: exitDate }));
    const [admitted] = await built.store.readStream(`member-${memberNo}`);
    return { ...built, memberNo, sealed: (admitted.data as { personal: never }).personal };
  }

  it('deletes the data key only on approval by another head-office user, and appends MemberForgotten without personal data', async () => {
    const { store, vault, commands, memberNo, sealed } = await exitedMember();
    const requested = await commands.requestForgetMember({ memberNo }, maker());
    expect(requested.events).toEqual([{ type: 'MemberForgetRequested', data: { memberNo, requestedOn: '2026-11-29', requestedBy: 'ho-maker', eligibleFrom: '2025-06-15' } }]);
    expect(await vault.open(memberNo, sealed)).not.toBe('forgotten');

    const refused = await rejection(commands.approveForgetMember({ memberNo }, maker()));
    expect([refused.code, refused.field]).toEqual(['MAKER_CANNOT_APPROVE', 'actor.userId']);
    expect(await vault.open(memberNo, sealed)).not.toBe('forgotten');

    const key = 'forget-approval-1';
    const approved = await commands.approveForgetMember({ memberNo }, checker({ idempotencyKey: key }));
    expect(approved.events).toEqual([{ type: 'MemberForgotten', data: { memberNo, forgottenOn: '2026-11-29', requestedBy: 'ho-maker', approvedBy: 'ho-checker' } }]);
    expect(await vault.open(memberNo, sealed)).toBe('forgotten');

    const before = (await store.readAll()).length;
    const replay = await commands.approveForgetMember({ memberNo }, checker({ idempotencyKey: key }));
    expect(replay.replayed).toBe(true);
    expect((await store.readAll()).length).toBe(before);
    expect((await rejection(commands.approveForgetMember({ memberNo }, checker()))).code).toBe('MEMBER_ALREADY_FORGOTTEN');
    expect((await rejection(commands.changeNominee({ memberNo, nominee: { name: 'New Heir', relation: 'son' } }, context()))).code).toMatch(/MEMBER_EXITED|SUBJECT_FORGOTTEN/);
  });

  it('refuses before the retention period ends, for a current member, and for staff other than head office — deleting nothing', async () => {
    const { vault, commands, memberNo, sealed } = await exitedMember('2022-01-10');
    const early = await rejection(commands.requestForgetMember({ memberNo }, maker()));
    expect([early.code, early.field]).toEqual(['RETENTION_NOT_ELAPSED', 'businessDate']);
    const { memberNo: current } = await commands.admitMember(admission, context());
    expect((await rejection(commands.requestForgetMember({ memberNo: current }, maker()))).code).toBe('MEMBER_NOT_EXITED');
    const teller = await rejection(commands.requestForgetMember({ memberNo }, context({ actor: { userId: 't-1', role: 'teller', branchCode: 'SNG' } })));
    expect([teller.code, teller.field]).toEqual(['ROLE_NOT_ALLOWED', 'actor.role']);
    expect((await rejection(commands.approveForgetMember({ memberNo }, checker()))).code).toBe('RETENTION_NOT_ELAPSED');
    expect(await vault.open(memberNo, sealed)).not.toBe('forgotten');
  });

  it('deletes the keys of forgotten members again after a key table was restored from an old backup', async () => {
    const { store, commands, memberNo, sealed } = await exitedMember();
    await commands.requestForgetMember({ memberNo }, maker());
    await commands.approveForgetMember({ memberNo }, checker());
    await commands.admitMember(admission, context());
    // A vault restored from a backup taken before the forget: it still holds her key.
    const restored = new InMemoryPersonalDataVault();
    const resealed = await restored.seal(memberNo, { fullName: 'Synthetic Member' });
    expect(await restored.open(memberNo, resealed)).not.toBe('forgotten');
    expect(await reapplyForgottenMembers(store, restored)).toEqual([memberNo]);
    expect(await restored.open(memberNo, resealed)).toBe('forgotten');
    expect(sealed).toMatchObject({ alg: 'A256GCM' });
  });

  it('refuses an approval that was never requested, keeping the key', async () => {
    const { vault, commands, memberNo, sealed } = await exitedMember();
    const error = await rejection(commands.approveForgetMember({ memberNo }, checker()));
    expect([error.code, error.field]).toEqual(['FORGET_NOT_REQUESTED', 'memberNo']);
    expect(await vault.open(memberNo, sealed)).not.toBe('forgotten');
  });
});
