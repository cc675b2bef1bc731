import { distError } from '../codes.js';

/** `oci://host[:port]/repository[:tag][@sha256:…]`. */
export interface OciReference {
  registry: string;
  repository: string;
  tag?: string;
  digest?: string;
}

const REPO_COMPONENT = '[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*';
const REPOSITORY = new RegExp(`^${REPO_COMPONENT}(?:/${REPO_COMPONENT})*$`);
const TAG = /^\w[\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;

function invalid(ref: string, why: string) {
  return distError('DIST_OCI_REFERENCE_INVALID', `invalid OCI reference ${JSON.stringify(ref)}: ${why}`, {
    hint: 'write it as oci://host[:port]/path/name:tag',
    details: { reference: ref },
  });
}

export function parseOciReference(ref: string): OciReference {
  if (!ref.startsWith('oci://')) throw invalid(ref, 'it must start with oci://');
  let rest = ref.slice('oci://'.length);
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) throw invalid(ref, 'the digest is not sha256:<64 hex>');
  }
  const slash = rest.indexOf('/');
  if (slash <= 0) throw invalid(ref, 'missing repository');
  const registry = rest.slice(0, slash);
  let repository = rest.slice(slash + 1);
  let tag: string | undefined;
  const colon = repository.lastIndexOf(':');
  if (colon >= 0) {
    tag = repository.slice(colon + 1);
    repository = repository.slice(0, colon);
    if (!TAG.test(tag)) throw invalid(ref, `the tag ${JSON.stringify(tag)} is not valid`);
  }
  if (!/^[A-Za-z0-9.-]+(?::\d+)?$|^\[[0-9a-fA-F:]+\](?::\d+)?$/.test(registry)) {
    throw invalid(ref, `the registry ${JSON.stringify(registry)} is not a host[:port]`);
  }
  if (!REPOSITORY.test(repository)) throw invalid(ref, `the repository ${JSON.stringify(repository)} is not valid`);
  return { registry, repository, ...(tag === undefined ? {} : { tag }), ...(digest === undefined ? {} : { digest }) };
}

/** What a manifest is fetched by: the digest if given, else the tag (default `latest`). */
export function manifestReference(ref: OciReference): string {
  return ref.digest ?? ref.tag ?? 'latest';
}

/** Helm's GetPluginName: the last path segment of the repository. */
export function pluginNameOf(ref: OciReference): string {
  return ref.repository.split('/').pop() ?? ref.repository;
}

export function formatReference(ref: OciReference): string {
  return `oci://${ref.registry}/${ref.repository}${ref.tag === undefined ? '' : `:${ref.tag}`}${ref.digest === undefined ? '' : `@${ref.digest}`}`;
}
