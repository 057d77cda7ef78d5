const whole = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });

/** 523500 → "523,500 t"; a missing figure → "–". */
export const tonnes = (value: number | null | undefined): string => (value == null ? "–" : `${whole.format(value)} t`);
export const dollars = (value: number | null | undefined): string => (value == null ? "–" : usd.format(value));
export const share = (value: number | null | undefined): string => (value == null ? "–" : percent.format(value));
