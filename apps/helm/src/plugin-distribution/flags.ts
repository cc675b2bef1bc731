import { Flags } from '@oclif/core';

/** Helm's TLS and auth flags of `plugin install` (used for oci:// and https:// sources). */
export const transportFlags = {
  'cert-file': Flags.string({ description: 'identify registry client using this SSL certificate file' }),
  'key-file': Flags.string({ description: 'identify registry client using this SSL key file' }),
  'ca-file': Flags.string({ description: 'verify certificates of HTTPS-enabled servers using this CA bundle' }),
  'insecure-skip-tls-verify': Flags.boolean({ description: 'skip tls certificate checks for the plugin download' }),
  'plain-http': Flags.boolean({ description: 'use insecure HTTP connections for the plugin download' }),
  username: Flags.string({ description: 'registry username' }),
  password: Flags.string({ description: 'registry password' }),
};

export const keyringFlag = Flags.string({
  description: 'location of public keys used for verification (default $GNUPGHOME/pubring.gpg or ~/.gnupg/pubring.gpg)',
});

export const allowInsecureFlag = Flags.boolean({
  description: 'install without checking the signature (HIP-0026 name of --verify=false; NOT recommended)',
});
