import { Helm4Error } from '@helm4/errors';
import type { PluginTypeBinding } from '@helm4/runtime';
import { WASM_CODES } from '../codes.js';
import type { OutputJson } from '../host/call.js';

/*
 * A call's messages: the input as the plugin type's binding reads it (PluginTypeBinding.readInput, the JSON the
 * guest receives), the output as the binding makes it of the guest's JSON. The bindings come from the plugin-type
 * packages (`@helm4/plugin-type-<type>/runtime`); this runtime knows no type itself.
 */

function invalidOutput(plugin: string, type: string, why: string): Helm4Error {
  return new Helm4Error(
    WASM_CODES.invalidOutput,
    `plugin ${JSON.stringify(plugin)} returned an invalid ${type} output: ${why}`,
    { details: { plugin, type } },
  );
}

/** The type's output message from the guest's output (JSON, read out of the kernel memory). */
export function decodeOutput(binding: PluginTypeBinding, output: OutputJson, plugin: string, exited: boolean): unknown {
  const wasm = binding.wasm;
  if (wasm === undefined) throw invalidOutput(plugin, binding.type, 'the type has no Wasm binding');
  switch (output.kind) {
    case 'none':
      // A guest that exited with code 0 (proc_exit) had no chance to set its output.
      if (exited && wasm.outputOnExit !== undefined) return wasm.outputOnExit;
      throw invalidOutput(plugin, binding.type, 'no output (the output must be JSON)');
    case 'invalid':
      throw invalidOutput(plugin, binding.type, `not JSON (${output.message})`);
    case 'json': {
      const decoded = wasm.output(output.value);
      if ('invalid' in decoded) throw invalidOutput(plugin, binding.type, decoded.invalid);
      return decoded.message;
    }
  }
}
