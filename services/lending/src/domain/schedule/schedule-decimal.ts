import Decimal from 'decimal.js';

/**
 * decimal.js with 40 significant digits for schedule arithmetic: the annuity factor (1 + r)^−n and the
 * per-day fractions must not lose a paisa even for the largest safe amounts (9·10^15 paise).
 * Internal precision only; every rounding to money names its mode at the call site.
 */
export const ScheduleDecimal = Decimal.clone({ precision: 40 });
