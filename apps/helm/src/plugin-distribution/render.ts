/** Helm's lines after a verification (`helm plugin verify`, and `install` before "Installed plugin"). */
export function verificationLines(report: {
  signedBy: readonly string[];
  fingerprint: string;
  hash: string;
}): string[] {
  return [
    ...report.signedBy.map((id) => `Signed by: ${id}`),
    `Using Key With Fingerprint: ${report.fingerprint}`,
    `Plugin Hash Verified: ${report.hash}`,
  ];
}
