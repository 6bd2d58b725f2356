/**
 * What every personal field of a forgotten member reads as, in every read model and API answer
 * (issue 6 item 4): one fixed text, the same for every field and every member, so that it tells
 * nothing — not even which fields she had filled in. Date-typed fields (date of birth) read as null
 * beside `personalDataForgotten: true`, because a date column cannot carry text.
 */
export const FORGOTTEN_MARKER = '[forgotten]';
