// JSON output: one document, two-space indent, dates as YYYY-MM-DD strings.
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
