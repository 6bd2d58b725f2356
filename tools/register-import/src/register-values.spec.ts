import { cleanText, parseMemberStatus, parsePhone, parseRegisterDate, parseRupeesToPaise, parseShareCount } from './register-values';

describe('parseRegisterDate', () => {
  it.each([
    ['14/08/2021', '2021-08-14'],
    ['1/2/1990', '1990-02-01'],
    ['29/02/2024', '2024-02-29'],
    [' 31/12/1999 ', '1999-12-31'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseRegisterDate(text)).toEqual({ ok: true, value: iso });
  });

  it.each(['31/02/2011', '29/02/2023', '31/04/2020', '00/01/2020', '10/13/2020', '10/00/2020', '2020-01-10', '10-01-2020', '', '10/01/20', '01/01/1899', '01/01/2100', 'abc'])(
    'rejects %j as bad_date',
    (text) => {
      expect(parseRegisterDate(text)).toEqual({ ok: false, reason: 'bad_date' });
    },
  );
});

describe('parseRupeesToPaise', () => {
  it.each([
    ['22728.25', 2272825],
    ['50', 5000],
    ['0.00', 0],
    ['0.5', 50],
    ['.75', 75],
    ['12.', 1200],
    [' 96.55 ', 9655],
    ['90071992547409.91', 9007199254740991],
  ])('reads %j as %d paise', (text, paise) => {
    expect(parseRupeesToPaise(text)).toEqual({ ok: true, value: paise });
  });

  it.each([
    ['', 'missing_value'],
    ['   ', 'missing_value'],
    ['12,5O0.00', 'not_a_number'],
    ['12,500.00', 'not_a_number'],
    ['Rs 50', 'not_a_number'],
    ['1e3', 'not_a_number'],
    ['abc', 'not_a_number'],
    ['1.2.3', 'not_a_number'],
    ['-150.00', 'negative'],
    ['-0.01', 'negative'],
    ['10.555', 'too_many_decimals'],
    ['10.550', 'too_many_decimals'],
    ['90071992547409.92', 'out_of_range'],
  ])('rejects %j as %s', (text, reason) => {
    expect(parseRupeesToPaise(text)).toEqual({ ok: false, reason });
  });
});

describe('parseShareCount', () => {
  it.each([
    ['1', 1],
    ['20', 20],
    [' 5 ', 5],
    ['5.0', 5],
    ['10000000', 10_000_000],
  ])('reads %j as %d', (text, shares) => {
    expect(parseShareCount(text)).toEqual({ ok: true, value: shares });
  });

  it.each([
    ['0', 'zero_shares'],
    ['0.0', 'zero_shares'],
    ['-0', 'zero_shares'],
    ['-1', 'negative_shares'],
    ['2.5', 'fractional_shares'],
    ['-2.5', 'fractional_shares'],
    ['ten', 'not_a_number'],
    ['', 'not_a_number'],
    ['1,000', 'not_a_number'],
    ['10000001', 'out_of_range'],
  ])('rejects %j as %s', (text, reason) => {
    expect(parseShareCount(text)).toEqual({ ok: false, reason });
  });
});

describe('parseMemberStatus', () => {
  it.each([
    ['active', 'ACTIVE'],
    ['Inactive', 'INACTIVE'],
    [' EXITED ', 'EXITED'],
  ])('reads %j as %s', (text, status) => {
    expect(parseMemberStatus(text)).toEqual({ ok: true, value: status });
  });

  it.each(['suspended?', '', 'act ive', 'dead'])('rejects %j as unknown_status', (text) => {
    expect(parseMemberStatus(text)).toEqual({ ok: false, reason: 'unknown_status' });
  });
});

describe('parsePhone', () => {
  it.each([
    ['9076238234', '9076238234'],
    ['', null],
    ['  ', null],
    ['+91 90762 38234', '9076238234'],
    ['919076238234', '9076238234'],
    ['09076238234', '9076238234'],
    ['(907) 623-8234', '9076238234'],
  ])('normalises %j to %j', (text, phone) => {
    expect(parsePhone(text)).toEqual({ ok: true, value: phone });
  });

  it.each(['12345', '5076238234', '033 2455 1234 9', 'phone', '+1 415 555 0100'])('rejects %j as bad_phone', (text) => {
    expect(parsePhone(text)).toEqual({ ok: false, reason: 'bad_phone' });
  });
});

describe('cleanText', () => {
  it('trims, collapses inner whitespace and normalises Bengali to NFC', () => {
    const decomposed = 'মিতা মণ্ডল'.normalize('NFD');
    expect(cleanText(`  ${decomposed}\t `)).toBe('মিতা মণ্ডল'.normalize('NFC'));
    expect(cleanText('Rekha   Thapa')).toBe('Rekha Thapa');
    expect(cleanText('   ')).toBe('');
  });
});
