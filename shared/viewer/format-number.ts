/**
 * A finite number as `new Intl.NumberFormat('en-GB', { maximumFractionDigits })` writes it ("-1,234.5"),
 * without Intl: the first Intl number format of a process loads ICU's locale data, about 13 ms of CPU that a
 * cold start paid for the viewer's numbers. Like ICU, it rounds the number's shortest decimal form (the digits
 * `String(value)` writes) half away from zero, drops trailing zeros and groups the whole part in threes.
 */
export function formatNumber(value: number, maximumFractionDigits = 6): string {
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  const [mantissa = '', exponent = '0'] = String(Math.abs(value)).split('e');
  const [whole = '', fraction = ''] = mantissa.split('.');
  let digits = whole + fraction;
  let point = whole.length + Number(exponent);
  if (point < 1) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  digits = digits.padEnd(point, '0');
  const kept = point + maximumFractionDigits;
  if (digits.length > kept) {
    const roundsUp = (digits[kept] as string) >= '5';
    digits = digits.slice(0, kept);
    if (roundsUp) {
      const raised = (BigInt(digits) + 1n).toString().padStart(kept, '0');
      point += raised.length - kept;
      digits = raised;
    }
  }
  const grouped = (digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0').replace(/\B(?=(?:\d{3})+$)/g, ',');
  const decimals = digits.slice(point).replace(/0+$/, '');
  return `${sign}${grouped}${decimals === '' ? '' : `.${decimals}`}`;
}
