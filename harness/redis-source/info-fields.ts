/**
 * The `field:value` lines of an INFO or CLUSTER INFO reply as an object
 * (`used_cpu_sys:1.5` → `{ used_cpu_sys: '1.5' }`); section headers and blank lines are left out.
 */
export function infoFields(info: string): Record<string, string> {
  return Object.fromEntries(
    info
      .split(/\r?\n/)
      .map((line) => line.split(':'))
      .filter((pair) => pair.length === 2),
  );
}
