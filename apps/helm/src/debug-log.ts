/**
 * Helm's debug log lines (slog's text handler without the time: `level=DEBUG msg=pluginDirs directory=/x`), for
 * the few debug lines of Helm's that this helm prints too when `--debug` / `HELM_DEBUG` is set.
 */
export function debugLine(msg: string, attrs: Readonly<Record<string, string>> = {}): string {
  const parts = [
    `level=DEBUG`,
    `msg=${slogValue(msg)}`,
    ...Object.entries(attrs).map(([k, v]) => `${k}=${slogValue(v)}`),
  ];
  return `${parts.join(' ')}\n`;
}

/** slog's text handler quotes a value (Go's strconv.Quote) when it is empty or has spaces, `=`, `"` or controls. */
export function slogValue(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what is looked for
  return value === '' || /[\s="\u0000-\u001f\u007f-\u009f]/u.test(value) ? JSON.stringify(value) : value;
}
