import { ValidationError } from '@samabay/domain-kit';

const MEMBER_NO = /^[A-Z]{3}-\d{6}$/;

/** An opaque page cursor (base64url of a small JSON) pointing just after `memberNo` in member-number order. */
export function encodeMemberCursor(memberNo: string): string {
  return Buffer.from(JSON.stringify({ v: 1, after: memberNo }), 'utf8').toString('base64url');
}

/** The member number a cursor points after. @throws ValidationError INVALID_CURSOR on `field` for anything {@link encodeMemberCursor} did not make. */
export function decodeMemberCursor(cursor: string, field = 'after'): string {
  try {
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { v?: unknown; after?: unknown };
    if (decoded.v === 1 && typeof decoded.after === 'string' && MEMBER_NO.test(decoded.after)) return decoded.after;
  } catch {
    // Not base64 JSON: reported below like any other foreign cursor.
  }
  throw new ValidationError(field, 'the cursor is not one this directory handed out', 'INVALID_CURSOR');
}
