import { KERNEL_WASM_FUNCTIONS } from '../kernel/kernel-module.js';
import { KIND, type ModuleInfo } from '../wasm/module.js';
import { WASI_MODULE } from '../wasm/rewrite.js';

/**
 * The Extism kernel functions (`extism:host/env`): those our Wasm kernel implements, and those served from JS
 * (config, vars, HTTP, logs).
 */
export const EXTISM_KERNEL_FUNCTIONS: ReadonlySet<string> = new Set([
  ...KERNEL_WASM_FUNCTIONS,
  'config_get',
  'var_get',
  'var_set',
  'http_request',
  'http_status_code',
  'http_headers',
  'log_trace',
  'log_debug',
  'log_info',
  'log_warn',
  'log_error',
  'get_log_level',
]);

/** WASI preview1, as node:wasi implements it. */
export const WASI_FUNCTIONS: ReadonlySet<string> = new Set(
  (
    'args_get args_sizes_get clock_res_get clock_time_get environ_get environ_sizes_get fd_advise fd_allocate ' +
    'fd_close fd_datasync fd_fdstat_get fd_fdstat_set_flags fd_fdstat_set_rights fd_filestat_get ' +
    'fd_filestat_set_size fd_filestat_set_times fd_pread fd_prestat_get fd_prestat_dir_name fd_pwrite fd_read ' +
    'fd_readdir fd_renumber fd_seek fd_sync fd_tell fd_write path_create_directory path_filestat_get ' +
    'path_filestat_set_times path_link path_open path_readlink path_remove_directory path_rename path_symlink ' +
    'path_unlink_file poll_oneoff proc_exit proc_raise random_get sched_yield sock_accept sock_recv sock_send ' +
    'sock_shutdown'
  ).split(' '),
);

/** The namespace of host functions (extism-go's default). */
export const HOST_FUNCTION_MODULE = 'extism:host/user';

const I64 = 0x7e;

export interface ImportPolicy {
  /** WASI imports are allowed. */
  wasi: boolean;
  /** Host functions the plugin asked for (runtimeConfig.hostFunctions) and the host provides. */
  hostFunctions: ReadonlySet<string>;
}

/**
 * Every import the runtime could not satisfy, as messages (empty when the module links). Checked when the plugin
 * is loaded, so a bad module fails with RUNTIME_WASM_LINK before any call.
 */
export function unresolvedImports(info: ModuleInfo, policy: ImportPolicy): string[] {
  const problems: string[] = [];
  for (const imp of info.imports) {
    const what = `${imp.module}::${imp.name}`;
    if (imp.kind !== KIND.func) {
      problems.push(`${what}: only functions can be imported`);
      continue;
    }
    if (imp.module === 'extism:host/env') {
      if (!EXTISM_KERNEL_FUNCTIONS.has(imp.name)) problems.push(`${what}: not an Extism kernel function`);
    } else if (imp.module === WASI_MODULE) {
      if (!policy.wasi) problems.push(`${what}: WASI is disabled for this runtime`);
      else if (!WASI_FUNCTIONS.has(imp.name)) problems.push(`${what}: not a WASI preview1 function`);
    } else if (imp.module === HOST_FUNCTION_MODULE) {
      const type = imp.typeIndex === undefined ? undefined : info.types[imp.typeIndex];
      if (!policy.hostFunctions.has(imp.name)) {
        problems.push(`${what}: not a host function of this plugin (runtimeConfig.hostFunctions)`);
      } else if (
        type?.params.length !== 1 ||
        type.params[0] !== I64 ||
        type.results.length !== 1 ||
        type.results[0] !== I64
      ) {
        problems.push(`${what}: host functions take and return one i64 (an Extism memory offset)`);
      }
    } else {
      problems.push(`${what}: no such host module`);
    }
  }
  return problems;
}
