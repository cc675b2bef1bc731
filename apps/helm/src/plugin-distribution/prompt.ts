import { Helm4Error } from '@helm4/errors';

/**
 * Helm's promptUser: `Password for key "<uid>" >  ` on the terminal, read without echo. Only when stdin is a
 * TTY; otherwise the signing key stays locked and PROVENANCE_PASSPHRASE_REQUIRED says to use --passphrase-file.
 */
export function terminalPassphrasePrompt(): ((userId: string) => Promise<string>) | undefined {
  const stdin = process.stdin;
  if (!stdin.isTTY) return undefined;
  return (userId) =>
    new Promise((resolve, reject) => {
      process.stdout.write(`Password for key ${JSON.stringify(userId)} >  `);
      let value = '';
      stdin.setRawMode(true);
      stdin.resume();
      stdin.setEncoding('utf8');
      const done = (error?: Error) => {
        stdin.setRawMode(false);
        stdin.pause();
        stdin.off('data', onData);
        process.stdout.write('\n');
        if (error) reject(error);
        else resolve(value);
      };
      const onData = (chunk: string) => {
        for (const ch of chunk) {
          if (ch === '\r' || ch === '\n') return done();
          if (ch === '\u0003') {
            return done(new Helm4Error('DIST_INTERRUPTED', 'interrupted while reading the passphrase'));
          }
          if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
          else value += ch;
        }
      };
      stdin.on('data', onData);
    });
}
