import { EventTooLargeError, InvalidAppendError } from '@samabay/domain-kit';
import { assertValidStreamId, normaliseExpectedRevision, serialiseBatch } from './validation';

const id = '6f1c1c36-8c3c-4a55-9a4b-0d7f2a1b9e11';
const valid = { id, type: 'MemberAdmitted', data: { paise: 1500 }, metadata: { correlationId: 'c-1' } };

function fieldOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof InvalidAppendError) return error.field;
    throw error;
  }
  return undefined;
}

describe('assertValidStreamId', () => {
  it.each(['member-SNG-000123', 'branch-SNG', 'savingsAccount-SNG-000123-SD', 'x'])('accepts %s', (streamId) => {
    expect(fieldOf(() => assertValidStreamId(streamId))).toBeUndefined();
  });

  it.each([[''], ['$all'], ['member 1'], ['member-1\n'], ['a'.repeat(201)], [42]])('rejects %j naming streamId', (streamId) => {
    expect(fieldOf(() => assertValidStreamId(streamId))).toBe('streamId');
  });
});

describe('normaliseExpectedRevision', () => {
  it('keeps the named states and revisions ≥ 0, and reads -1 as no_stream', () => {
    expect(['any', 'no_stream', 'stream_exists', 0, 41].map(normaliseExpectedRevision)).toEqual(['any', 'no_stream', 'stream_exists', 0, 41]);
    expect(normaliseExpectedRevision(-1)).toBe('no_stream');
  });

  it.each([[-2], [1.5], ['7'], [undefined], [Number.MAX_SAFE_INTEGER + 1]])('rejects %j naming expectedRevision', (expected) => {
    expect(fieldOf(() => normaliseExpectedRevision(expected))).toBe('expectedRevision');
  });
});

describe('serialiseBatch', () => {
  it('lower-cases ids and serialises data and metadata to JSON', () => {
    expect(serialiseBatch([{ ...valid, id: id.toUpperCase() }], 1000)).toEqual([{ id, type: 'MemberAdmitted', dataJson: '{"paise":1500}', metadataJson: '{"correlationId":"c-1"}' }]);
  });

  it.each([
    ['an empty batch', [], 'events'],
    ['a non-array', 'nope', 'events'],
    ['a null event', [null], 'events[0]'],
    ['a non-uuid id', [valid, { ...valid, id: 'x' }], 'events[1].id'],
    ['a repeated id', [valid, valid], 'events[1].id'],
    ['an empty type', [{ ...valid, type: '' }], 'events[0].type'],
    ['a blank type', [{ ...valid, type: ' ' }], 'events[0].type'],
    ['an array as metadata', [{ ...valid, metadata: [] }], 'events[0].metadata'],
    ['undefined data', [{ ...valid, data: undefined }], 'events[0].data'],
    ['a bigint in data', [{ ...valid, data: { paise: 1n } }], 'events[0].data'],
    ['a NUL character in metadata', [{ ...valid, metadata: { note: '\u0000' } }], 'events[0].metadata'],
  ])('rejects %s naming the field', (_, events, field) => {
    expect(fieldOf(() => serialiseBatch(events, 1000))).toBe(field);
  });

  it('counts UTF-8 bytes of data plus metadata against the limit', () => {
    const metadata = { m: '' };
    const event = { ...valid, data: 'ক'.repeat(10), metadata }; // 30 bytes + 2 quotes, metadata 8 bytes
    expect(() => serialiseBatch([event], 40)).not.toThrow();
    const error = (() => {
      try {
        serialiseBatch([event], 39);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(EventTooLargeError);
    expect(error).toMatchObject({ eventId: id, sizeBytes: 40, limitBytes: 39 });
  });
});
